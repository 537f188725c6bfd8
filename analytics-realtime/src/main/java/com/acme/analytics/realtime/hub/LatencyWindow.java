package com.acme.analytics.realtime.hub;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The most recent latencies, for quantiles in seconds. Payara's MicroProfile Metrics timer prints its quantiles in
 * the nanoseconds it stores under a name that says seconds (6.2025.10: its exporter scales mean and max, not the
 * percentiles), so the hub keeps its own window and publishes each quantile as a gauge.
 *
 * <p>Thread-safe without locks: sender threads record, the scrape reads a copy. A reading may mix a sample being
 * overwritten with its successor; a quantile over a thousand samples does not notice.
 */
public final class LatencyWindow {

    private final AtomicLongArray nanos;
    private final AtomicLong recorded = new AtomicLong();

    /** @param capacity how many of the latest samples the quantiles cover */
    LatencyWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        nanos = new AtomicLongArray(capacity);
    }

    void record(long latencyNanos) {
        record(latencyNanos, 1);
    }

    /** Records the same latency {@code times} times (the messages of one batch), with one update of the count. */
    void record(long latencyNanos, int times) {
        long n = recorded.getAndAdd(times);
        for (int i = 0; i < Math.min(times, nanos.length()); i++) {
            nanos.set((int) ((n + i) % nanos.length()), latencyNanos);
        }
    }

    /**
     * The {@code quantile} (0 to 1) of the latest samples, nearest rank, in seconds; 0 before the first sample.
     */
    double quantileSeconds(double quantile) {
        int n = (int) Math.min(recorded.get(), nanos.length());
        if (n == 0) {
            return 0.0;
        }
        long[] copy = new long[n];
        for (int i = 0; i < n; i++) {
            copy[i] = nanos.get(i);
        }
        Arrays.sort(copy);
        int rank = (int) Math.ceil(quantile * n);
        return copy[Math.max(0, Math.min(n, rank) - 1)] / 1e9;
    }
}
