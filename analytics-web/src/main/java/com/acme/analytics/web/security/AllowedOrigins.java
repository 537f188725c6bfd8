package com.acme.analytics.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The browser origins allowed to open WebSockets and to call the API cross-origin: the server's own, plus those of
 * {@code analytics.security.allowed-origins} ({@code *}: any). A request without {@code Origin} is not from a
 * browser page and is judged by its credential alone.
 */
@ApplicationScoped
public class AllowedOrigins {

    @Inject
    @ConfigProperty(name = "analytics.security.allowed-origins")
    Optional<String> configured;

    /** A comma-separated list: Payara's MicroProfile Config cannot inject an optional list. */
    private Set<String> origins() {
        return Arrays.stream(configured.orElse("").split(",")).map(o -> o.strip().toLowerCase(Locale.ROOT))
                .filter(o -> !o.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether a page of that origin may use this server; true when there is no {@code Origin}. */
    public boolean allows(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        return origin == null || isSameOrigin(request, origin) || isListed(origin);
    }

    /** Whether the origin is allowed cross-origin (CORS); the server's own origin needs no CORS headers. */
    public boolean isListed(String origin) {
        Set<String> allowed = origins();
        return allowed.contains("*") || allowed.contains(origin.strip().toLowerCase(Locale.ROOT));
    }

    static boolean isSameOrigin(HttpServletRequest request, String origin) {
        String host = request.getHeader("Host");
        if (host == null) {
            return false;
        }
        String scheme = request.isSecure() ? "https://" : "http://";
        return origin.equalsIgnoreCase(scheme + host);
    }
}
