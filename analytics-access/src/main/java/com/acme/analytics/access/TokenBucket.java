package com.acme.analytics.access;

/**
 * A token bucket: holds up to {@code burst} permits, refilled at {@code perSecond}. Thread-safe; time is passed in
 * (nanoseconds, monotonic) so that tests need no clock.
 */
final class TokenBucket {

    private final double perSecond;
    private final double burst;
    private double permits;
    private long updatedAt;

    TokenBucket(double perSecond, double burst, long now) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate " + perSecond + "/s, burst " + burst);
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.permits = burst;
        this.updatedAt = now;
    }

    /** Takes a permit: 0 when taken, else the seconds (at least 1) until one is available; nothing is taken then. */
    synchronized long take(long now) {
        refill(now);
        if (permits >= 1) {
            permits -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - permits) / perSecond);
    }

    /** Whether the bucket is full, i.e. it carries no memory of recent use and can be forgotten. */
    synchronized boolean isFull(long now) {
        refill(now);
        return permits >= burst;
    }

    private void refill(long now) {
        permits = Math.min(burst, permits + (now - updatedAt) / 1e9 * perSecond);
        updatedAt = now;
    }
}
