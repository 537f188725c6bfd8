package com.acme.analytics.metrics;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Per-second tallies per {@link LiveKey}, in a ring of a fixed number of seconds: a slot is reused, cleared, by the
 * second that many seconds later. Not thread-safe.
 */
final class SecondBuckets {

    private final long[] seconds;
    private final Map<LiveKey, Tally>[] slots;

    @SuppressWarnings("unchecked")
    SecondBuckets(int size) {
        seconds = new long[size];
        Arrays.fill(seconds, Long.MIN_VALUE);
        slots = new Map[size];
    }

    /**
     * @return false when the second is older than the ring holds (it was reused by a later second)
     */
    boolean add(long second, LiveKey key, long valueMicros, Map<String, BigDecimal> properties) {
        int i = (int) Math.floorMod(second, (long) seconds.length);
        if (seconds[i] > second) {
            return false;
        }
        if (seconds[i] != second) {
            seconds[i] = second;
            slots[i] = new HashMap<>();
        }
        slots[i].computeIfAbsent(key, k -> new Tally()).add(valueMicros, properties);
        return true;
    }

    /** Every tally of the seconds in [from, to) that the ring still holds. */
    void forEach(long from, long to, BiConsumer<LiveKey, Tally> action) {
        for (long s = from; s < to; s++) {
            int i = (int) Math.floorMod(s, (long) seconds.length);
            if (seconds[i] == s) {
                slots[i].forEach(action);
            }
        }
    }
}
