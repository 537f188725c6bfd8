package com.acme.analytics.metrics;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-second tallies per key in a ring, and the tallies per key of the last window asked of each length, slid
 * along as the windows move: a window one second later is the last one plus its new second minus its old one, not
 * the sum of all its seconds again. The alert rules of a workspace ask the same few windows every second, and
 * summing every second of each was most of what an evaluation cost (a 5-minute window: 300 seconds of tallies).
 * Not thread-safe; the workspace's lock guards it.
 */
final class WindowSums {

    /** A window's sums, always equal to the sum of the ring's seconds in [from, to). */
    private static final class Window {
        long from;
        long to;
        Map<LiveKey, Tally> tallies;
    }

    private final SecondBuckets buckets;
    private final Map<Long, Window> byLength = new HashMap<>();

    /** @param seconds how many seconds the ring holds */
    WindowSums(int seconds) {
        buckets = new SecondBuckets(seconds);
    }

    /** Adds an event to its second, and to the windows that hold that second. */
    void add(long second, LiveKey key, long valueMicros, Map<String, BigDecimal> properties) {
        long held = buckets.heldAt(second);
        if (!buckets.add(second, key, valueMicros, properties)) {
            return;
        }
        if (held != second && held != Long.MIN_VALUE) {
            // The slot was reused: a window holding its old second could not slide past it any more.
            byLength.values().removeIf(w -> held >= w.from && held < w.to);
        }
        for (Window w : byLength.values()) {
            if (w.tallies != null && second >= w.from && second < w.to) {
                w.tallies.computeIfAbsent(key, k -> new Tally()).add(valueMicros, properties);
            }
        }
    }

    /** The tallies of [from, to) per key (read only: they change with the next window asked or event recorded). */
    Map<LiveKey, Tally> over(long from, long to) {
        Window w = byLength.computeIfAbsent(to - from, length -> new Window());
        if (w.tallies == null || w.from != from) {
            if (w.tallies != null && from > w.from && from < w.to) {
                for (long s = w.from; s < from; s++) {
                    buckets.forEachIn(s, (key, tally) -> subtract(w.tallies, key, tally));
                }
                for (long s = w.to; s < to; s++) {
                    buckets.forEachIn(s, (key, tally) -> w.tallies.computeIfAbsent(key, k -> new Tally()).add(tally));
                }
            } else {
                Map<LiveKey, Tally> sums = new HashMap<>();
                buckets.forEach(from, to, (key, tally) -> sums.computeIfAbsent(key, k -> new Tally()).add(tally));
                w.tallies = sums;
            }
            w.from = from;
            w.to = to;
        }
        return w.tallies;
    }

    /** Forgets the windows not asked since {@code before}: their lengths may never be asked again. */
    void forgetEndedBefore(long before) {
        byLength.values().removeIf(w -> w.to < before);
    }

    private static void subtract(Map<LiveKey, Tally> tallies, LiveKey key, Tally gone) {
        Tally t = tallies.get(key);
        t.subtract(gone);
        if (t.events == 0) {
            tallies.remove(key);
        }
    }
}
