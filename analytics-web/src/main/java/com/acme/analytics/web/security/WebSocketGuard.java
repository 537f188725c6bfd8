package com.acme.analytics.web.security;

import com.acme.analytics.access.AccessDenied;
import com.acme.analytics.access.Authenticator;
import com.acme.analytics.access.Caller;
import com.acme.analytics.access.OpenConnections;
import com.acme.analytics.access.Permission;
import com.acme.analytics.access.RateLimits;
import com.acme.analytics.access.TooManyRequests;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Every WebSocket handshake, whatever its path (so that a socket endpoint added anywhere is closed by default),
 * before the upgrade: refuses a foreign {@code Origin} (cross-site WebSocket hijacking),
 * too many attempts from one address, a missing or invalid credential, a credential that may not read, and one that
 * already holds its share of connections. The caller becomes the request's user principal, which the endpoint reads
 * from its session. Browsers cannot set headers on a WebSocket, so the {@code access_token} query parameter is
 * accepted here (see {@link HandshakeRequest} for how the query is read).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class WebSocketGuard extends HttpFilter {

    @Inject
    Authenticator authenticator;
    @Inject
    AllowedOrigins origins;
    @Inject
    RateLimits limits;
    @Inject
    OpenConnections connections;
    @Inject
    @ConfigProperty(name = "analytics.security.max-connections-per-credential")
    int maxPerCredential;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        if (!"websocket".equalsIgnoreCase(req.getHeader("Upgrade"))) {
            chain.doFilter(req, resp);
            return;
        }
        if (!origins.allows(req)) {
            Refusals.write(resp, Response.Status.FORBIDDEN, "Origin " + req.getHeader("Origin")
                    + " may not open a WebSocket here", List.of());
            return;
        }
        Map<String, String[]> parameters = HandshakeRequest.parameters(req.getQueryString());
        Caller caller;
        try {
            limits.connectionFrom(req.getRemoteAddr());
            String[] token = parameters.get(AccessFilter.ACCESS_TOKEN);
            caller = authenticator.authenticate(req.getHeader(HttpHeaders.AUTHORIZATION),
                    token == null ? null : token[0]);
            if (!caller.permissions().contains(Permission.READ)) {
                throw AccessDenied.forbidden("This credential may not read, so it may not subscribe");
            }
            if (connections.count(caller.credentialId()) >= maxPerCredential) {
                throw new TooManyRequests("This credential already holds " + maxPerCredential
                        + " open connections; close one first", 5);
            }
        } catch (AccessDenied e) {
            Refusals.write(resp, e);
            return;
        } catch (TooManyRequests e) {
            Refusals.write(resp, e);
            return;
        }
        chain.doFilter(new HandshakeRequest(req, caller, parameters), resp);
    }
}
