package com.acme.analytics.ingest.simulator;

import java.time.Instant;
import java.util.List;

/**
 * A simulation as {@code /api/analytics/real-time/simulate} reports it.
 *
 * @param action          start, burst or journey
 * @param status          {@code running}; {@code completed} (its duration ran out, or its burst or journey is
 *                        committed); {@code stopped} (by a stop request, or by a clean shutdown: see
 *                        {@code reason}); {@code interrupted} (its server went away without stopping it);
 *                        {@code failed} (ingest refused its events, see {@code reason})
 * @param eventsPerMinute the rate of a continuous simulation, else null
 * @param duration        minutes a continuous simulation runs, null for the demo's (until stopped) and others
 * @param generated       events accepted by ingest so far (stored, or already stored under the same id)
 * @param rejected        events refused by ingest's validation (the {@code errorRate} share)
 * @param endsAt          when a continuous simulation ends by itself, else null
 * @param endedAt         when it ended, null while running
 * @param reason          why it ended, when not by itself
 */
public record SimulationView(String id, String action, String status, List<String> campaignIds,
                             String organizationId, Integer eventsPerMinute, Integer duration, double errorRate,
                             long generated, long rejected, Instant startedAt, Instant endsAt, Instant endedAt,
                             String reason) {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String STOPPED = "stopped";
    public static final String INTERRUPTED = "interrupted";
    public static final String FAILED = "failed";

    SimulationView withCounts(long generated, long rejected) {
        return new SimulationView(id, action, status, campaignIds, organizationId, eventsPerMinute, duration,
                errorRate, generated, rejected, startedAt, endsAt, endedAt, reason);
    }

    SimulationView ended(String status, Instant at, String reason) {
        return new SimulationView(id, action, status, campaignIds, organizationId, eventsPerMinute, duration,
                errorRate, generated, rejected, startedAt, endsAt, at, reason);
    }
}
