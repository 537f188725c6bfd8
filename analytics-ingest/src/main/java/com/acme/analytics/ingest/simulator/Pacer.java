package com.acme.analytics.ingest.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * When the events of a continuous simulation are due: evenly spread at {@code eventsPerMinute} from the start, so
 * that the rate holds over any minute however long each send took. A sender that fell behind (the database was
 * slow or away) catches up at most {@link #MAX_BACKLOG} worth of events instead of flooding ingest.
 */
final class Pacer {

    static final Duration MAX_BACKLOG = Duration.ofSeconds(10);
    /** The longest wait between two checks, so that stop and the heartbeat are never late by more. */
    static final Duration MAX_WAIT = Duration.ofSeconds(1);

    private final int perMinute;
    private final Instant start;
    private long sent;

    Pacer(int perMinute, Instant start) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("eventsPerMinute must be at least 1, got " + perMinute);
        }
        this.perMinute = perMinute;
        this.start = start;
    }

    /** Events due now and not sent yet, and counts them as sent. */
    int take(Instant now) {
        long due = dueBy(now);
        long backlog = MAX_BACKLOG.toMillis() * perMinute / 60_000;
        sent = Math.max(sent, due - Math.max(backlog, 1));
        int n = (int) Math.max(0, due - sent);
        sent += n;
        return n;
    }

    /** How long from now until the next event is due, at most {@link #MAX_WAIT}. */
    Duration untilNext(Instant now) {
        long nextAtMillis = Math.floorDiv((sent + 1) * 60_000 + perMinute - 1, perMinute);
        Duration wait = Duration.between(now, start.plusMillis(nextAtMillis));
        return wait.isNegative() ? Duration.ZERO : wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    private long dueBy(Instant now) {
        long elapsed = Math.max(0, Duration.between(start, now).toMillis());
        return elapsed * perMinute / 60_000;
    }
}
