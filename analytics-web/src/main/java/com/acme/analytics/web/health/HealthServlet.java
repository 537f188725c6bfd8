package com.acme.analytics.web.health;

import com.acme.analytics.ingest.health.ServiceHealth;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code GET /health}: 200 when the database and the flusher are up, else 503; the body lists each check in the
 * MicroProfile Health format. A servlet, not MicroProfile Health, so that it works the same on WildFly.
 */
@WebServlet("/health")
public class HealthServlet extends HttpServlet {

    @Inject
    ServiceHealth health;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<String, Boolean> checks = new TreeMap<>(health.checks());
        boolean up = checks.values().stream().allMatch(Boolean::booleanValue);
        resp.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        resp.setContentType("application/json");
        resp.setHeader("Cache-Control", "no-store");
        String body = checks.entrySet().stream()
                .map(c -> "{\"name\":\"" + c.getKey() + "\",\"status\":\"" + (c.getValue() ? "UP" : "DOWN") + "\"}")
                .collect(Collectors.joining(",", "{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"checks\":[", "]}"));
        resp.getWriter().write(body);
    }
}
