package com.acme.analytics.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.List;

/**
 * CORS for the API: pages of an allowed origin (see {@link AllowedOrigins}) may call it with an
 * {@code Authorization} header; no cookies are involved, so credentials mode stays off. A preflight from another
 * origin is refused.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class CorsFilter extends HttpFilter {

    @Inject
    AllowedOrigins origins;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        String origin = req.getHeader("Origin");
        boolean preflight = "OPTIONS".equals(req.getMethod()) && req.getHeader("Access-Control-Request-Method") != null;
        if (origin == null || AllowedOrigins.isSameOrigin(req, origin)) {
            chain.doFilter(req, resp);
            return;
        }
        if (!origins.isListed(origin)) {
            if (preflight) {
                Refusals.write(resp, Response.Status.FORBIDDEN, "Origin " + origin + " is not allowed", List.of());
                return;
            }
            chain.doFilter(req, resp);
            return;
        }
        resp.setHeader("Access-Control-Allow-Origin", origin);
        resp.addHeader("Vary", "Origin");
        if (preflight) {
            resp.setHeader("Access-Control-Allow-Methods", "GET, POST, DELETE");
            resp.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept");
            resp.setHeader("Access-Control-Max-Age", "600");
            resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        resp.setHeader("Access-Control-Expose-Headers", "Location, Retry-After");
        chain.doFilter(req, resp);
    }
}
