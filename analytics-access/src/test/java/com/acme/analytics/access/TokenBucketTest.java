package com.acme.analytics.access;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldGrantTheBurstThenRefuseWithTheWaitUntilTheNextPermit() {
        TokenBucket bucket = new TokenBucket(2, 4, 0);
        for (int i = 0; i < 4; i++) {
            assertEquals(0, bucket.take(0));
        }
        assertEquals(1, bucket.take(0));
        assertEquals(0, bucket.take(SECOND / 2));
        assertEquals(1, bucket.take(SECOND / 2));
    }

    @Test
    void shouldRefillNoFurtherThanTheBurst() {
        TokenBucket bucket = new TokenBucket(10, 3, 0);
        assertEquals(0, bucket.take(0));
        assertFalse(bucket.isFull(0));
        assertTrue(bucket.isFull(3600 * SECOND));
        for (int i = 0; i < 3; i++) {
            assertEquals(0, bucket.take(3600 * SECOND));
        }
        assertEquals(1, bucket.take(3600 * SECOND));
    }

    @Test
    void shouldWaitLongerAtSlowRates() {
        TokenBucket bucket = new TokenBucket(0.1, 1, 0);
        assertEquals(0, bucket.take(0));
        assertEquals(10, bucket.take(0));
    }

    @Test
    void rejectsNonsenseLimits() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, 0.5, 0));
    }
}
