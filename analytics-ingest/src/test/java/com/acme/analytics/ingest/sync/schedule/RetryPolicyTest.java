package com.acme.analytics.ingest.sync.schedule;

import com.acme.analytics.ingest.sync.ProviderException;
import com.acme.analytics.ingest.sync.ProviderException.Kind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {

    private final Instant now = Instant.parse("2026-12-02T10:00:00Z");
    private final Duration minute = Duration.ofMinutes(1);
    /** The largest wait the jitter may choose, so the ceiling is visible. */
    private final RetryPolicy highest = new RetryPolicy(Duration.ofSeconds(1), 5, Duration.ofMinutes(5), b -> b - 1);

    @Test
    void stopsTheScheduleOnARefusal() {
        var next = highest.after(new ProviderException(Kind.REFUSED, "HTTP 401: invalid secret"), 0, minute, now);
        assertEquals("failed", next.state());
        assertNull(next.at());
        assertTrue(next.error().contains("invalid secret"), next.error());
    }

    @Test
    void waitsTheRetryAfterOfARateLimitWithoutCountingAFailure() {
        var next = highest.after(new ProviderException(Kind.RATE_LIMITED, "429", Duration.ofSeconds(7), null), 2,
                minute, now);
        assertEquals(now.plusSeconds(7), next.at());
        assertEquals(2, next.consecutiveFailures());
        assertEquals("idle", next.state());
    }

    @Test
    void backsOffExponentiallyWithinOnePeriod() {
        assertEquals(now.plusSeconds(1), highest.after(new ProviderException(Kind.TRANSIENT, "503"), 0, minute, now).at());
        assertEquals(now.plusSeconds(4), highest.after(new ProviderException(Kind.TRANSIENT, "503"), 2, minute, now).at());
        assertEquals(now.plusSeconds(5), highest.failure("503", 4, Duration.ofSeconds(5), now).at(),
                "2^3 s is capped by a 5 s period");
        RetryPolicy lowest = new RetryPolicy(Duration.ofSeconds(1), 5, Duration.ofMinutes(5), b -> 0);
        assertEquals(now, lowest.after(new ProviderException(Kind.MALFORMED, "x"), 1, minute, now).at(),
                "full jitter may retry at once");
    }

    @Test
    void opensTheCircuitAfterFiveConsecutiveFailures() {
        var fourth = highest.after(new ProviderException(Kind.TRANSIENT, "503"), 3, minute, now);
        assertEquals("idle", fourth.state());
        var fifth = highest.after(new ProviderException(Kind.TRANSIENT, "503"), 4, minute, now);
        assertEquals("failed", fifth.state());
        assertEquals(5, fifth.consecutiveFailures());
        assertEquals(now.plus(Duration.ofMinutes(5)), fifth.at());
        assertTrue(fifth.error().startsWith("circuit open after 5 consecutive failures"), fifth.error());
    }

    @Test
    void readsRetryAfterAsSecondsOrAnHttpDate() {
        assertEquals(Duration.ofSeconds(120), com.acme.analytics.domain.outbound.RetryAfter.parse("120"));
        assertNull(com.acme.analytics.domain.outbound.RetryAfter.parse("soon"));
        assertNull(com.acme.analytics.domain.outbound.RetryAfter.parse(null));
        assertEquals(Duration.ZERO, com.acme.analytics.domain.outbound.RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT"));
    }
}
