package com.acme.analytics.access;

import com.acme.analytics.domain.AnalyticsException;

/** A rate limit or the connection cap was reached: 429 with {@code Retry-After}; nothing was done. */
public class TooManyRequests extends AnalyticsException {

    private final long retryAfterSeconds;

    public TooManyRequests(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
