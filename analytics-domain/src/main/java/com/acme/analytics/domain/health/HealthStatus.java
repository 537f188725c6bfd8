package com.acme.analytics.domain.health;

import java.util.Map;

/**
 * The health checks of this instance (database reachable, ingest storing), implemented by the module that owns
 * them and injected by CDI where they are reported ({@code /health}, the dashboards' {@code system_health}).
 */
public interface HealthStatus {

    /**
     * Each check by name, true when up. Blocks for at most a few seconds (a database round trip); call it off the
     * threads that serve clients.
     */
    Map<String, Boolean> checks();

    /**
     * One word for a set of checks: {@code healthy} when all are up, {@code unhealthy} when none is, else
     * {@code degraded}.
     */
    static String summary(Map<String, Boolean> checks) {
        long up = checks.values().stream().filter(Boolean::booleanValue).count();
        return up == checks.size() ? "healthy" : up == 0 ? "unhealthy" : "degraded";
    }
}
