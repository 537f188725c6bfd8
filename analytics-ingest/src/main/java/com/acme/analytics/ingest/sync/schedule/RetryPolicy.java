package com.acme.analytics.ingest.sync.schedule;

import com.acme.analytics.ingest.sync.ProviderException;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongUnaryOperator;

/**
 * When an integration syncs next after a failure. A refusal (400/401/403) stops the schedule: the integration is
 * {@code failed} and needs attention, its credentials or config will not fix themselves. A rate limit waits what
 * the provider asked (else one period) and is no failure of the integration. Anything else is a failure: retried
 * after an exponential backoff with full jitter, never later than one period, until {@code circuitAfter}
 * consecutive failures open the circuit, which waits {@code circuitOpen} before one more try.
 */
record RetryPolicy(Duration backoffBase, int circuitAfter, Duration circuitOpen, LongUnaryOperator random) {

    /** The state to write, the failure count after this outcome, when to try next (null: not until changed). */
    record Next(String state, int consecutiveFailures, Instant at, String error) {
    }

    Next after(ProviderException e, int failuresBefore, Duration frequency, Instant now) {
        return switch (e.kind()) {
            case REFUSED -> new Next("failed", failuresBefore + 1, null,
                    "needs attention: the provider refused: " + e.getMessage());
            case RATE_LIMITED -> new Next("idle", failuresBefore,
                    now.plus(e.retryAfter() != null ? e.retryAfter() : frequency), "rate limited: " + e.getMessage());
            case TRANSIENT, MALFORMED -> failure(e.getMessage(), failuresBefore + 1, frequency, now);
        };
    }

    Next failure(String message, int failures, Duration frequency, Instant now) {
        if (failures >= circuitAfter) {
            return new Next("failed", failures, now.plus(circuitOpen), "circuit open after " + failures
                    + " consecutive failures, next try at " + now.plus(circuitOpen) + ": " + message);
        }
        long ceiling = Math.min(frequency.toMillis(), backoffBase.toMillis() << Math.min(failures - 1, 20));
        // Full jitter: anywhere from no wait to the ceiling, so failing integrations do not retry in step.
        return new Next("idle", failures, now.plusMillis(random.applyAsLong(ceiling + 1)), message);
    }
}
