package com.acme.analytics.ingest.sync;

import java.time.Duration;

/** A provider's refusal or failure, classified so the scheduler knows whether and when to try again. */
public class ProviderException extends Exception {

    /** What went wrong, which decides the retry. */
    public enum Kind {
        /** 400/401/403: the provider refuses this config or these credentials; no retry, the integration fails. */
        REFUSED,
        /** 429 or the provider's own quota: wait {@link #retryAfter()} and try again. */
        RATE_LIMITED,
        /** 5xx, timeouts, connection failures: back off and try again. */
        TRANSIENT,
        /** An answer we cannot read: counts as a failure, retried on schedule. */
        MALFORMED
    }

    private final Kind kind;
    private final Duration retryAfter;

    public ProviderException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public ProviderException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** How long the provider asked us to wait, or null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
