package com.acme.analytics.web.security;

import com.acme.analytics.access.AccessDenied;
import com.acme.analytics.access.Authenticator;
import com.acme.analytics.access.Caller;
import com.acme.analytics.access.Permission;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;

/**
 * Payara Micro serves its MicroProfile Metrics endpoint inside the root web application, which is this one, so
 * this application's filters see {@code /metrics}: it is open to operator tokens only, unless
 * {@code analytics.security.metrics-public} opens it (for a scraper on a private network).
 */
@WebFilter(urlPatterns = {"/metrics", "/metrics/*"}, asyncSupported = true)
public class MetricsGuard extends HttpFilter {

    @Inject
    Authenticator authenticator;
    @Inject
    @ConfigProperty(name = "analytics.security.metrics-public")
    boolean metricsPublic;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        if (!metricsPublic) {
            try {
                Caller caller = authenticator.authenticate(req.getHeader(HttpHeaders.AUTHORIZATION), null);
                if (!caller.permissions().contains(Permission.OPERATE)) {
                    throw AccessDenied.forbidden("Metrics are for operator tokens");
                }
            } catch (AccessDenied e) {
                Refusals.write(resp, e);
                return;
            }
        }
        chain.doFilter(req, resp);
    }
}
