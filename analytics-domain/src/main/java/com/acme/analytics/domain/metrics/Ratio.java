package com.acme.analytics.domain.metrics;

/**
 * A part of a whole, such as clicks of impressions. Counters stay exact; the percentage is derived when read.
 *
 * @param hits  the part, never negative
 * @param total the whole, never negative; a part may exceed it (more clicks than impressions in a window is
 *              possible when impressions were recorded elsewhere), so only signs are checked
 */
public record Ratio(long hits, long total) {

    public Ratio {
        if (hits < 0 || total < 0) {
            throw new IllegalArgumentException("ratio of negative counts: " + hits + " of " + total);
        }
    }

    /** Percentage rounded to two decimals; 0 when the whole is empty. */
    public double percent() {
        return total == 0 ? 0.0 : Math.round(10_000.0 * hits / total) / 100.0;
    }
}
