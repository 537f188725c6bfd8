package com.acme.analytics.realtime.hub;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Function;

/**
 * The ordered messages (events, answers) waiting for one client, oldest first, and at most one replay standing
 * among them. A replay holds the events a resuming client missed, rendered one by one when their turn comes: the
 * replay window holds them anyway, so a replay costs a reference an event until it is sent, and it takes one place
 * in the queue however long it is, so that any replay the window holds completes without the client being taken
 * for lagging. Not thread-safe: its {@link ClientChannel} guards it.
 */
final class OrderedQueue {

    private final ArrayDeque<Queued> entries = new ArrayDeque<>();
    /** The replay, standing in {@code entries} as an entry without a message; null when none. */
    private Replay<?> replay;

    /** Places taken: one a message, one the replay. */
    int size() {
        return entries.size();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Messages waiting, the replay counted by the events it has left (an upper bound: some may render as none). */
    int messages() {
        return entries.size() + (replay == null ? 0 : replay.remaining() - 1);
    }

    void add(Outbound message, long at) {
        entries.add(new Queued(message, at));
    }

    /**
     * Forgets the events waiting (answers stay, in order) and a previous replay, then places a new replay behind
     * the answers and ahead of anything added later.
     *
     * @param render the message of a missed event for this client, or null for none
     */
    <T> void replay(List<T> missed, Function<? super T, Outbound> render, long at) {
        dropEvents();
        if (!missed.isEmpty()) {
            replay = new Replay<>(missed, render);
            entries.add(new Queued(null, at));
        }
    }

    /** Forgets the events waiting and the replay; answers (messages without a sequence) stay. */
    void dropEvents() {
        entries.removeIf(q -> q.message() == null || q.message().sequence() > 0);
        replay = null;
    }

    void clear() {
        entries.clear();
        replay = null;
    }

    /** The next message, from the queue's head or the replay standing there; null when none waits. */
    Queued poll(long now) {
        while (true) {
            Queued head = entries.peek();
            if (head == null || head.message() != null) {
                return entries.poll();
            }
            Outbound next = replay.poll();
            if (next != null) {
                return new Queued(next, now);
            }
            entries.poll();
            replay = null;
        }
    }

    private static final class Replay<T> {
        private final List<T> events;
        private final Function<? super T, Outbound> render;
        private int next;

        Replay(List<T> events, Function<? super T, Outbound> render) {
            this.events = events;
            this.render = render;
        }

        Outbound poll() {
            while (next < events.size()) {
                Outbound message = render.apply(events.get(next++));
                if (message != null) {
                    return message;
                }
            }
            return null;
        }

        int remaining() {
            return events.size() - next;
        }
    }
}
