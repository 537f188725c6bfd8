package com.acme.analytics.ingest.sync.connectors;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A sliding-window budget per credential: at most {@code limit} queries in any {@code window}. Taking several
 * queries at once is all or nothing, so a sync either has room for all its calls or makes none. Thread-safe; held
 * in memory per instance (each instance holds its own window, which is why leases keep one sync per integration).
 */
public final class QueryBudget {

    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> taken = new HashMap<>();

    public QueryBudget(int limit, Duration window) {
        if (limit < 1) {
            throw new IllegalArgumentException("a budget allows at least one query, not " + limit);
        }
        this.limit = limit;
        this.window = window;
    }

    /**
     * Takes {@code count} queries of {@code key}'s budget at {@code now}, or answers how long until they fit
     * (nothing taken then).
     */
    public synchronized Optional<Duration> take(String key, int count, Instant now) {
        if (count > limit) {
            throw new IllegalArgumentException(count + " queries never fit a budget of " + limit);
        }
        Deque<Instant> times = taken.computeIfAbsent(key, k -> new ArrayDeque<>());
        Instant start = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(start)) {
            times.removeFirst();
        }
        int free = limit - times.size();
        if (free >= count) {
            for (int i = 0; i < count; i++) {
                times.addLast(now);
            }
            return Optional.empty();
        }
        // The (count - free)-th oldest query must leave the window before the new ones fit.
        Instant freedAt = times.stream().skip(count - free - 1L).findFirst().orElseThrow().plus(window);
        return Optional.of(Duration.between(now, freedAt));
    }

    /** Queries left for {@code key} at {@code now}, for the integration's quota in its status. */
    public synchronized int remaining(String key, Instant now) {
        Deque<Instant> times = taken.get(key);
        if (times == null) {
            return limit;
        }
        Instant start = now.minus(window);
        return limit - (int) times.stream().filter(t -> t.isAfter(start)).count();
    }

    /** The provider said the budget is spent (a 429): count it full until {@code retryAfter} passes. */
    public synchronized void exhaust(String key, Instant now, Duration retryAfter) {
        Deque<Instant> times = taken.computeIfAbsent(key, k -> new ArrayDeque<>());
        Instant until = now.plus(retryAfter).minus(window);
        times.clear();
        for (int i = 0; i < limit; i++) {
            times.addLast(until);
        }
    }
}
