package com.acme.analytics.access;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitsTest {

    private final RateLimits limits = new RateLimits();

    @BeforeEach
    void slowLimits() {
        limits.ingestPerKey = 1;
        limits.ingestPerAddress = 2;
        limits.connectionsPerAddress = 0.5;
        limits.burstSeconds = 4;
    }

    @Test
    void shouldRefuseConnectionAttemptsBeyondTheBurstOfAnAddressOnly() {
        for (int i = 0; i < 2; i++) {
            limits.connectionFrom("10.0.0.1");
        }
        TooManyRequests refused = assertThrows(TooManyRequests.class, () -> limits.connectionFrom("10.0.0.1"));
        assertTrue(refused.retryAfterSeconds() >= 1);
        assertDoesNotThrow(() -> limits.connectionFrom("10.0.0.2"));
    }

    @Test
    void shouldKeepSeparateBudgetsForIngestByAddressAndByCredential() {
        Caller key = Caller.writeKey("key_1", "ws_a");
        for (int i = 0; i < 4; i++) {
            limits.ingestBy(key);
        }
        assertThrows(TooManyRequests.class, () -> limits.ingestBy(key));
        assertDoesNotThrow(() -> limits.ingestBy(Caller.writeKey("key_2", "ws_a")));
        for (int i = 0; i < 8; i++) {
            limits.ingestFrom("10.0.0.1");
        }
        assertThrows(TooManyRequests.class, () -> limits.ingestFrom("10.0.0.1"));
        // An address's connection budget is not its ingest budget.
        assertDoesNotThrow(() -> limits.connectionFrom("10.0.0.1"));
    }
}
