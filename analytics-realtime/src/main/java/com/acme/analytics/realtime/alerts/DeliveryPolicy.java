package com.acme.analytics.realtime.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongUnaryOperator;

/**
 * What becomes of a delivery after an attempt. Delivered and refused (the outbound rule said no) are final, so is a
 * 4xx other than 408 and 429 (the receiver will not change its mind); anything else is retried after an exponential
 * backoff with full jitter (anywhere from no wait to {@code base · 2^(attempts-1)}, capped at {@code max}, so that
 * failing receivers are not hit in step), never sooner than the receiver's {@code Retry-After}, until
 * {@code retryFor} after the delivery was created: then it has failed.
 */
record DeliveryPolicy(Duration base, Duration max, Duration retryFor, LongUnaryOperator random) {

    /** One attempt's result. */
    record Attempt(Outcome outcome, int httpStatus, String error, Duration retryAfter) {
        static Attempt delivered(int httpStatus) {
            return new Attempt(Outcome.DELIVERED, httpStatus, null, null);
        }

        static Attempt refused(String why) {
            return new Attempt(Outcome.REFUSED, 0, why, null);
        }

        static Attempt failed(int httpStatus, String error, Duration retryAfter) {
            return new Attempt(Outcome.FAILED, httpStatus, error, retryAfter);
        }
    }

    enum Outcome { DELIVERED, REFUSED, FAILED }

    /** @param status pending (with {@code nextAttemptAt}), delivered, refused or failed */
    record Next(String status, Instant nextAttemptAt) {
    }

    /** @param attempts how many attempts were made, this one included */
    Next after(Attempt a, int attempts, Instant createdAt, Instant now) {
        return switch (a.outcome()) {
            case DELIVERED -> new Next("delivered", now);
            case REFUSED -> new Next("refused", now);
            case FAILED -> {
                if (!retryable(a.httpStatus())) {
                    yield new Next("failed", now);
                }
                long ceiling = Math.min(max.toMillis(), base.toMillis() << Math.min(attempts - 1, 20));
                long wait = random.applyAsLong(ceiling + 1);
                if (a.retryAfter() != null) {
                    wait = Math.max(wait, a.retryAfter().toMillis());
                }
                Instant next = now.plusMillis(wait);
                yield next.isAfter(createdAt.plus(retryFor)) ? new Next("failed", now) : new Next("pending", next);
            }
        };
    }

    /** No answer (0), timeouts, rate limits and server errors are worth another try; other refusals are not. */
    static boolean retryable(int httpStatus) {
        return httpStatus == 0 || httpStatus == 408 || httpStatus == 429 || httpStatus >= 500;
    }
}
