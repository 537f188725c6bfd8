package com.acme.analytics.metrics;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecondBucketsTest {

    private static final LiveKey CLICKS = new LiveKey("c1", "click");
    private static final LiveKey VIEWS = new LiveKey("c1", "view");

    private static Map<LiveKey, Tally> sum(SecondBuckets b, long from, long to) {
        Map<LiveKey, Tally> out = new HashMap<>();
        b.forEach(from, to, (k, t) -> out.computeIfAbsent(k, x -> new Tally()).add(t));
        return out;
    }

    @Test
    void shouldSumTheSecondsOfAHalfOpenInterval() {
        SecondBuckets b = new SecondBuckets(10);
        b.add(100, CLICKS, 1_000_000, Map.of());
        b.add(101, CLICKS, 2_000_000, Map.of());
        b.add(105, VIEWS, 0, Map.of("duration", new BigDecimal("2.5")));
        Map<LiveKey, Tally> t = sum(b, 101, 106);
        assertEquals(1, t.get(CLICKS).events);
        assertEquals(2_000_000, t.get(CLICKS).valueMicros);
        assertEquals(new BigDecimal("2.5"), t.get(VIEWS).propertySums.get("duration"));
        assertEquals(1L, t.get(VIEWS).propertyCounts.get("duration"));
        assertEquals(Map.of(), sum(b, 102, 105));
    }

    @Test
    void shouldReuseASlotForALaterSecondAndRefuseAnOlderOne() {
        SecondBuckets b = new SecondBuckets(10);
        b.add(100, CLICKS, 0, Map.of());
        assertTrue(b.add(110, CLICKS, 0, Map.of()));
        assertEquals(Map.of(), sum(b, 100, 101), "second 100 was replaced by 110");
        assertEquals(1, sum(b, 110, 111).get(CLICKS).events);
        assertFalse(b.add(100, CLICKS, 0, Map.of()));
        assertEquals(1, sum(b, 100, 111).get(CLICKS).events);
    }

    @Test
    void shouldHandleSecondsBeforeTheEpoch() {
        SecondBuckets b = new SecondBuckets(7);
        b.add(-3, CLICKS, 0, Map.of());
        assertEquals(1, sum(b, -3, -2).get(CLICKS).events);
    }
}
