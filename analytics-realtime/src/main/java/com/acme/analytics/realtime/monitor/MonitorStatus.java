package com.acme.analytics.realtime.monitor;

/**
 * The monitor's one word, from its checks: {@code down} when the database is unreachable (nothing can be stored or
 * read), {@code degraded} when a part is unwell (the flusher in an outage, the cluster feed not listening, the
 * database slower than the threshold), else {@code healthy}.
 */
public final class MonitorStatus {

    public static final String HEALTHY = "healthy";
    public static final String DEGRADED = "degraded";
    public static final String DOWN = "down";

    private MonitorStatus() {
    }

    /**
     * @param databaseLatencyMs the probe's round trip, or null when it failed
     * @param slowDatabaseMs    a round trip above this is degraded
     */
    public static String derive(Double databaseLatencyMs, double slowDatabaseMs, boolean flusherHealthy,
                                boolean clusterFeedUp) {
        if (databaseLatencyMs == null) {
            return DOWN;
        }
        if (!flusherHealthy || !clusterFeedUp || databaseLatencyMs > slowDatabaseMs) {
            return DEGRADED;
        }
        return HEALTHY;
    }
}
