package com.acme.analytics.ingest.simulator;

/**
 * How far a simulation may go ({@code analytics.simulator.*}); requests beyond are refused with 400 naming the
 * option.
 *
 * @param maxEventsPerMinute  the fastest continuous simulation
 * @param maxDurationMinutes  the longest continuous simulation
 * @param maxBurst            the most events of one burst
 * @param maxPerWorkspace     continuous simulations running at once in one workspace (all instances together)
 * @param maxCampaigns        campaign ids one simulation may name
 */
public record SimulatorLimits(int maxEventsPerMinute, int maxDurationMinutes, int maxBurst, int maxPerWorkspace,
                              int maxCampaigns) {

    public SimulatorLimits {
        if (maxEventsPerMinute < 1 || maxDurationMinutes < 1 || maxBurst < 1 || maxPerWorkspace < 1
                || maxCampaigns < 1) {
            throw new IllegalArgumentException("every analytics.simulator.max-* must be at least 1");
        }
    }
}
