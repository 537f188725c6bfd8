package com.acme.analytics.ingest.simulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PacerTest {

    private static final Instant START = Instant.parse("2025-07-15T12:00:00Z");

    @Test
    void shouldSendTheRateEvenlyWhateverTheTicks() {
        Pacer pacer = new Pacer(120, START);
        int total = 0;
        int most = 0;
        for (long ms = 0; ms <= 60_000; ms += 100) {
            int n = pacer.take(START.plusMillis(ms));
            total += n;
            most = Math.max(most, n);
        }
        assertEquals(120, total);
        assertEquals(1, most, "two a second never come together");
    }

    @Test
    void shouldWaitUntilTheNextEventIsDueAtMostASecond() {
        Pacer slow = new Pacer(6, START);
        assertEquals(0, slow.take(START));
        assertEquals(Pacer.MAX_WAIT, slow.untilNext(START));
        Pacer fast = new Pacer(6000, START);
        assertEquals(0, fast.take(START));
        assertEquals(Duration.ofMillis(10), fast.untilNext(START));
        assertEquals(5, fast.take(START.plusMillis(55)));
        assertEquals(Duration.ofMillis(5), fast.untilNext(START.plusMillis(55)));
    }

    @Test
    void shouldCatchUpAtMostTenSecondsOfEventsAfterAStall() {
        Pacer pacer = new Pacer(600, START);
        pacer.take(START.plusSeconds(1));
        int after = pacer.take(START.plusSeconds(301));
        assertEquals(100, after, "10 s at 10 a second, not the 3,000 the stall skipped");
        assertEquals(10, pacer.take(START.plusSeconds(302)));
    }

    @Test
    void shouldNeverSendBeforeTheStart() {
        Pacer pacer = new Pacer(60, START);
        assertEquals(0, pacer.take(START.minusSeconds(5)));
        assertTrue(pacer.untilNext(START.minusSeconds(5)).compareTo(Pacer.MAX_WAIT) <= 0);
    }
}
