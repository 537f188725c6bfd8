package com.acme.analytics.ingest.metrics;

import java.time.Duration;

/** A trailing window: the last N seconds up to now. */
public record TimeWindow(Duration length) {

    public TimeWindow {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("a time window must be positive, got " + length);
        }
    }

    public static TimeWindow ofSeconds(long seconds) {
        return new TimeWindow(Duration.ofSeconds(seconds));
    }

    public long seconds() {
        return length.toSeconds();
    }
}
