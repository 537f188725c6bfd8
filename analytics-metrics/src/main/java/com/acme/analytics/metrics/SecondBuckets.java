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

    /** The second whose tallies the slot of {@code second} holds: {@link Long#MIN_VALUE} when none yet. */
    long heldAt(long second) {
        return seconds[(int) Math.floorMod(second, (long) seconds.length)];
    }

    /** Every tally of one second, if the ring still holds it. */
    void forEachIn(long second, BiConsumer<LiveKey, Tally> action) {
        int i = (int) Math.floorMod(second, (long) seconds.length);
        if (seconds[i] == second) {
            slots[i].forEach(action);
        }
    }

    /** Every tally of the seconds in [from, to) that the ring still holds. */
    void forEach(long from, long to, BiConsumer<LiveKey, Tally> action) {
        for (long s = from; s < to; s++) {
            forEachIn(s, action);
        }
    }
}
