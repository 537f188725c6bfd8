package com.acme.analytics.realtime.alerts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeliveryPolicyTest {

    private static final Instant CREATED = Instant.parse("2026-12-02T12:00:00Z");
    /** The highest wait the jitter allows, so that the ceiling shows. */
    private final DeliveryPolicy policy = new DeliveryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5),
            Duration.ofHours(1), bound -> bound - 1);

    @Test
    void retriesAServerErrorAfterAnExponentialCeilingCappedAtTheMaximum() {
        DeliveryPolicy.Attempt failed = DeliveryPolicy.Attempt.failed(500, "HTTP 500", null);
        assertEquals(new DeliveryPolicy.Next("pending", CREATED.plusSeconds(1)), policy.after(failed, 1, CREATED, CREATED));
        assertEquals(new DeliveryPolicy.Next("pending", CREATED.plusSeconds(8)), policy.after(failed, 4, CREATED, CREATED));
        assertEquals(new DeliveryPolicy.Next("pending", CREATED.plusSeconds(300)), policy.after(failed, 30, CREATED, CREATED));
    }

    @Test
    void theJitterIsFullFromNoWaitToTheCeiling() {
        DeliveryPolicy noWait = new DeliveryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1),
                bound -> 0);
        assertEquals(CREATED, noWait.after(DeliveryPolicy.Attempt.failed(0, "timeout", null), 6, CREATED, CREATED)
                .nextAttemptAt());
    }

    @Test
    void honoursRetryAfterAndGivesUpAfterTheRetryPeriod() {
        DeliveryPolicy.Attempt limited = DeliveryPolicy.Attempt.failed(429, "HTTP 429", Duration.ofSeconds(90));
        assertEquals(CREATED.plusSeconds(90), policy.after(limited, 1, CREATED, CREATED).nextAttemptAt());
        Instant late = CREATED.plus(Duration.ofMinutes(59)).plusSeconds(30);
        assertEquals("failed", policy.after(DeliveryPolicy.Attempt.failed(503, "HTTP 503", null), 20, CREATED, late)
                .status());
    }

    @Test
    void aClientErrorADeliveryAndARefusalAreFinal() {
        assertEquals("failed", policy.after(DeliveryPolicy.Attempt.failed(404, "HTTP 404", null), 1, CREATED, CREATED)
                .status());
        assertEquals("delivered", policy.after(DeliveryPolicy.Attempt.delivered(204), 1, CREATED, CREATED).status());
        assertEquals("refused", policy.after(DeliveryPolicy.Attempt.refused("loopback"), 1, CREATED, CREATED).status());
    }
}
