package com.acme.analytics.metrics;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class WindowSumsTest {

    private static final LiveKey CLICKS = new LiveKey("c1", "click");
    private static final LiveKey VIEWS = new LiveKey("c2", "view");
    private static final List<LiveKey> KEYS = List.of(CLICKS, VIEWS, new LiveKey(null, "signup"));
    private static final int RING = 80;

    /** The figures of the tallies, comparable across scales of the same decimal. */
    private static Map<LiveKey, String> figures(Map<LiveKey, Tally> tallies) {
        Map<LiveKey, String> out = new HashMap<>();
        tallies.forEach((k, t) -> out.put(k, t.events + "/" + t.valueMicros + "/" + t.propertyCounts + "/"
                + t.propertySums.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().stripTrailingZeros())
                .sorted().toList()));
        return out;
    }

    @Test
    void shouldSlideToTheSameTalliesAsSummingEverySecondAgain() {
        Random random = new Random(42);
        WindowSums sliding = new WindowSums(RING);
        SecondBuckets summed = new SecondBuckets(RING);
        long now = 1_000;
        for (int step = 0; step < 2_000; step++) {
            now += random.nextInt(10) == 0 ? random.nextInt(100) : 1;
            for (int e = random.nextInt(6); e > 0; e--) {
                // Mostly the current second, some late, some ahead (the allowed skew), some older than the ring.
                long second = now + random.nextInt(15) - 10 - (random.nextInt(20) == 0 ? RING : 0);
                LiveKey key = KEYS.get(random.nextInt(KEYS.size()));
                Map<String, BigDecimal> properties = random.nextBoolean() ? Map.of()
                        : Map.of("duration", BigDecimal.valueOf(random.nextInt(1_000), 1));
                long value = random.nextInt(5) * 250_000L;
                sliding.add(second, key, value, properties);
                summed.add(second, key, value, properties);
            }
            for (long length : new long[]{5, 30, 60}) {
                Map<LiveKey, Tally> expected = new HashMap<>();
                summed.forEach(now - length, now, (k, t) -> expected.computeIfAbsent(k, x -> new Tally()).add(t));
                assertEquals(figures(expected), figures(sliding.over(now - length, now)),
                        "window of " + length + " s ending at " + now + " (step " + step + ")");
            }
        }
    }

    @Test
    void shouldDropAKeyAndAPropertyOnceTheirLastEventLeftTheWindow() {
        WindowSums sums = new WindowSums(RING);
        sums.add(100, VIEWS, 0, Map.of("duration", new BigDecimal("2.5")));
        sums.add(101, CLICKS, 250_000, Map.of());
        sums.add(102, CLICKS, 250_000, Map.of("duration", new BigDecimal("1.0")));
        assertEquals(2, sums.over(100, 110).get(CLICKS).events);

        Map<LiveKey, Tally> slid = sums.over(102, 112);
        assertFalse(slid.containsKey(VIEWS), "no event of the key is left in the window");
        assertEquals(1, slid.get(CLICKS).events);
        assertEquals(1L, slid.get(CLICKS).propertyCounts.get("duration"));

        sums.add(103, VIEWS, 0, Map.of());
        Map<LiveKey, Tally> later = sums.over(103, 113);
        assertNull(later.get(CLICKS), "both clicks left");
        assertEquals(Map.of(), later.get(VIEWS).propertyCounts, "the view in the window carried no duration");
    }
}
