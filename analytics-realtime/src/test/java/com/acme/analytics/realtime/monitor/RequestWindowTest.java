package com.acme.analytics.realtime.monitor;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestWindowTest {

    private static final long T0 = 1_000_000_000L;

    @Test
    void shouldAverageFullSecondsOnly() {
        RequestWindow window = new RequestWindow();
        for (int s = 0; s < 9; s++) {
            for (int i = 0; i < 10; i++) {
                window.record(T0 + s * 1000L + i, 5, i == 0);
            }
        }
        window.record(T0 + 9000, 5, false); // the current second: not counted yet
        RequestWindow.Rates rates = window.rates(T0 + 9500);
        assertEquals(10.0, rates.perSecond());
        assertEquals(1.0, rates.errorsPerSecond());
    }

    @Test
    void shouldForgetSecondsOlderThanTheWindow() {
        RequestWindow window = new RequestWindow();
        window.record(T0, 5, true);
        RequestWindow.Rates rates = window.rates(T0 + RequestWindow.SECONDS * 1000L);
        assertEquals(0.0, rates.perSecond());
        assertNull(rates.p99Ms());
    }

    @Test
    void shouldReportP99WithinOneBucket() {
        RequestWindow window = new RequestWindow();
        for (int i = 0; i < 990; i++) {
            window.record(T0, 2, false);
        }
        for (int i = 0; i < 10; i++) {
            window.record(T0, 400, false);
        }
        double p99 = window.rates(T0 + 1000).p99Ms();
        assertTrue(p99 >= 2 && p99 <= 2 * 1.19, "p99 " + p99);
        window.record(T0, 400, false);
        double higher = window.rates(T0 + 1000).p99Ms();
        assertTrue(higher >= 400 && higher <= 400 * 1.19, "p99 " + higher);
    }
}
