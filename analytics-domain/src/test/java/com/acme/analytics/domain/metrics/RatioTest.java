package com.acme.analytics.domain.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RatioTest {

    @Test
    void shouldGivePercentRoundedToTwoDecimals() {
        assertEquals(6.67, new Ratio(3, 45).percent());
        assertEquals(3.0, new Ratio(45, 1500).percent());
    }

    @Test
    void shouldGiveZeroForAnEmptyWhole() {
        assertEquals(0.0, new Ratio(0, 0).percent());
    }

    @Test
    void rejectsNegativeCounts() {
        assertThrows(IllegalArgumentException.class, () -> new Ratio(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> new Ratio(1, -10));
    }
}
