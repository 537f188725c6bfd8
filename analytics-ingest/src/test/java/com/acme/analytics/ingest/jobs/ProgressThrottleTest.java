package com.acme.analytics.ingest.jobs;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressThrottleTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void sendsEachNewPercentButNeverMoreThanThirtyASecond() {
        ProgressThrottle t = new ProgressThrottle();
        int sent = 0;
        // 100 percents within one second: at most 30 (+ the first) go out.
        for (int p = 0; p < 100; p++) {
            if (t.offer("profiling", p, p * 10 * MS)) {
                sent++;
            }
        }
        assertTrue(sent <= 31, "sent " + sent);
        assertTrue(sent >= 25, "sent " + sent);
    }

    @Test
    void sendsTheSameStateAgainAfterHalfASecondOfSilence() {
        ProgressThrottle t = new ProgressThrottle();
        assertTrue(t.offer("profiling", 5, 0));
        assertFalse(t.offer("profiling", 5, 100 * MS));
        assertFalse(t.silent(499 * MS));
        assertTrue(t.silent(500 * MS));
        assertTrue(t.offer("profiling", 5, 500 * MS));
    }

    @Test
    void sendsAStageChangeAtOnceWhenTheGapAllows() {
        ProgressThrottle t = new ProgressThrottle();
        assertTrue(t.offer("parsing", 10, 0));
        assertFalse(t.offer("profiling", 10, 10 * MS));
        assertTrue(t.offer("profiling", 10, 40 * MS));
        assertEquals(false, t.offer("profiling", 10, 60 * MS));
    }
}
