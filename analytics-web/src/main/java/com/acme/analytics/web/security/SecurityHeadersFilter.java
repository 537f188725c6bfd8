package com.acme.analytics.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Browser hardening on every answer: the dashboard loads only its own scripts and styles and talks only to its own
 * origin (WebSocket included), may not be framed (clickjacking), and leaks no URL in the {@code Referer}. A
 * WebSocket handshake that succeeds goes without them (see {@link HandshakeResponse}); its refusals carry them.
 * Mapped to every path in {@code web.xml}, first of all filters, so that no refusal escapes it.
 */
public class SecurityHeadersFilter extends HttpFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        if (!"websocket".equalsIgnoreCase(req.getHeader("Upgrade"))) {
            set(req, resp);
            chain.doFilter(req, resp);
            return;
        }
        HandshakeResponse handshake = new HandshakeResponse(resp, () -> set(req, resp));
        chain.doFilter(req, handshake);
        handshake.unlessSwitching();
    }

    private static void set(HttpServletRequest req, HttpServletResponse resp) {
        resp.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "no-referrer");
        if (req.isSecure()) {
            resp.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
    }
}
