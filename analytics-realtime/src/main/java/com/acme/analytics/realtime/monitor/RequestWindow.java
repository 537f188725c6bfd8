package com.acme.analytics.realtime.monitor;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The HTTP requests of the last {@value #SECONDS} seconds, in one-second slots: counts, server errors and a
 * latency histogram of logarithmic buckets (each about 19 % wider than the last), so that recording is a few
 * array increments and the p99 is read without keeping every duration. Thread-safe: writers and the reader share
 * the monitor of this object, held for a few nanoseconds each.
 */
@ApplicationScoped
public class RequestWindow {

    static final int SECONDS = 10;
    static final int BUCKETS = 64;
    /** Bucket i holds durations up to {@code FIRST_MS * GROWTH^i}. */
    private static final double FIRST_MS = 0.1;
    private static final double GROWTH = Math.pow(2, 0.25);

    private final long[] slotSecond = new long[SECONDS];
    private final long[] requests = new long[SECONDS];
    private final long[] errors = new long[SECONDS];
    private final long[][] latency = new long[SECONDS][BUCKETS];

    /** Records one finished request; {@code nowMillis} is wall-clock time. */
    public synchronized void record(long nowMillis, double durationMs, boolean serverError) {
        int slot = slot(nowMillis / 1000);
        requests[slot]++;
        if (serverError) {
            errors[slot]++;
        }
        latency[slot][bucket(durationMs)]++;
    }

    /** The figures of the full seconds before {@code nowMillis} (the current, partial second is left out). */
    public synchronized Rates rates(long nowMillis) {
        long current = nowMillis / 1000;
        long count = 0;
        long failed = 0;
        long[] merged = new long[BUCKETS];
        for (int i = 0; i < SECONDS; i++) {
            long age = current - slotSecond[i];
            if (age >= 1 && age < SECONDS) {
                count += requests[i];
                failed += errors[i];
                for (int b = 0; b < BUCKETS; b++) {
                    merged[b] += latency[i][b];
                }
            }
        }
        int seconds = SECONDS - 1;
        return new Rates(round((double) count / seconds), round((double) failed / seconds), p99(merged, count));
    }

    private int slot(long second) {
        int slot = (int) (second % SECONDS);
        if (slotSecond[slot] != second) {
            slotSecond[slot] = second;
            requests[slot] = 0;
            errors[slot] = 0;
            java.util.Arrays.fill(latency[slot], 0);
        }
        return slot;
    }

    static int bucket(double durationMs) {
        if (durationMs <= FIRST_MS) {
            return 0;
        }
        int b = (int) Math.ceil(Math.log(durationMs / FIRST_MS) / Math.log(GROWTH));
        return Math.min(b, BUCKETS - 1);
    }

    /** The upper bound of the bucket holding the 99th percentile, or null with no requests. */
    private static Double p99(long[] histogram, long count) {
        if (count == 0) {
            return null;
        }
        long rank = (long) Math.ceil(count * 0.99);
        long seen = 0;
        for (int b = 0; b < BUCKETS; b++) {
            seen += histogram[b];
            if (seen >= rank) {
                return round(FIRST_MS * Math.pow(GROWTH, b));
            }
        }
        return round(FIRST_MS * Math.pow(GROWTH, BUCKETS - 1));
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /**
     * @param perSecond       requests a second over the window
     * @param errorsPerSecond responses of 500 and above a second
     * @param p99Ms           99th percentile of the duration, as the upper bound of its bucket (at most 19 % high);
     *                        null when there were no requests
     */
    public record Rates(double perSecond, double errorsPerSecond, Double p99Ms) {
    }
}
