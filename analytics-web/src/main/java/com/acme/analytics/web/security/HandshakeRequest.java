package com.acme.analytics.web.security;

import com.acme.analytics.access.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A WebSocket handshake as the endpoint sees it: the authenticated caller as its principal, and query parameters
 * read from the query string here rather than by the container. Tyrus asks the request for its parameter map at
 * every handshake; the container's parser leaves its buffers and decoded values with the request, which the upgrade
 * keeps for the connection's life: about 1.5 KB per connection (heap histograms at 10,000 connections). The
 * {@code access_token} parameter is left out of the map and of the query string: Tyrus copies both into the session
 * (the query three times: as a string and in the request URI's), so the secret would otherwise stay with every
 * connection, about 1 KB each.
 */
final class HandshakeRequest extends HttpServletRequestWrapper {

    private final Caller caller;
    private final Map<String, String[]> parameters;
    private final String query;

    /** @param parameters the query's parameters, as {@link #parameters(String)} reads them */
    HandshakeRequest(HttpServletRequest request, Caller caller, Map<String, String[]> parameters) {
        super(request);
        this.caller = caller;
        Map<String, String[]> kept = new LinkedHashMap<>(parameters);
        kept.remove(AccessFilter.ACCESS_TOKEN);
        this.parameters = Collections.unmodifiableMap(kept);
        this.query = withoutAccessToken(request.getQueryString());
    }

    /** The query's pairs as sent, but the {@code access_token} ones; null when none is left. */
    static String withoutAccessToken(String query) {
        if (query == null) {
            return null;
        }
        StringJoiner kept = new StringJoiner("&");
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (!pair.isEmpty() && !decode(eq < 0 ? pair : pair.substring(0, eq)).equals(AccessFilter.ACCESS_TOKEN)) {
                kept.add(pair);
            }
        }
        return kept.length() == 0 ? null : kept.toString();
    }

    /** The parameters of a query string ({@code a=1&b=x%20y}), decoded as UTF-8; empty for a null query. */
    static Map<String, String[]> parameters(String query) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                values.computeIfAbsent(name, n -> new ArrayList<>()).add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        Map<String, String[]> out = new LinkedHashMap<>();
        values.forEach((name, list) -> out.put(name, list.toArray(String[]::new)));
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public Principal getUserPrincipal() {
        return caller;
    }

    @Override
    public String getQueryString() {
        return query;
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters;
    }

    @Override
    public String getParameter(String name) {
        String[] v = parameters.get(name);
        return v == null ? null : v[0];
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] v = parameters.get(name);
        return v == null ? null : v.clone();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters.keySet());
    }
}
