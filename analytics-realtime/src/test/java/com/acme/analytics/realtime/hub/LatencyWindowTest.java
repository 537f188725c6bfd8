package com.acme.analytics.realtime.hub;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LatencyWindowTest {

    @Test
    void shouldGiveQuantilesInSeconds() {
        LatencyWindow w = new LatencyWindow(100);
        for (int ms = 1; ms <= 100; ms++) {
            w.record(ms * 1_000_000L);
        }
        assertEquals(0.050, w.quantileSeconds(0.5), 1e-12);
        assertEquals(0.099, w.quantileSeconds(0.99), 1e-12);
        assertEquals(0.100, w.quantileSeconds(1.0), 1e-12);
        assertEquals(0.001, w.quantileSeconds(0.0), 1e-12);
    }

    @Test
    void shouldCoverOnlyTheLatestSamples() {
        LatencyWindow w = new LatencyWindow(4);
        for (int i = 0; i < 4; i++) {
            w.record(9_000_000_000L);
        }
        for (int i = 0; i < 4; i++) {
            w.record(2_000_000L);
        }
        assertEquals(0.002, w.quantileSeconds(0.999), 1e-12);
    }

    @Test
    void shouldRecordABatchAsThatManySamples() {
        LatencyWindow w = new LatencyWindow(4);
        w.record(1_000_000L, 3);
        w.record(8_000_000L, 1);
        assertEquals(0.001, w.quantileSeconds(0.75), 1e-12);
        w.record(5_000_000L, 9);
        assertEquals(0.005, w.quantileSeconds(0.0), 1e-12);
    }

    @Test
    void shouldAnswerZeroBeforeTheFirstSample() {
        assertEquals(0.0, new LatencyWindow(8).quantileSeconds(0.5));
    }

    @Test
    void rejectsAnEmptyWindow() {
        assertThrows(IllegalArgumentException.class, () -> new LatencyWindow(0));
    }
}
