package com.acme.analytics.realtime.hub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What waits for one client, and which of it goes out next: at most one urgent message, ahead of everything; the
 * coalesced messages, one per key (a newer replacing an older), at most one per minimum update interval; the
 * ordered messages ({@link OrderedQueue}), sent in order with as many of them after the picked one as a batch
 * holds. It also keeps the event sequences: the highest queued, below which an event is not queued again, and the
 * highest sent, which a batch carries as its SSE {@code id}. The ordered messages can be given up (the client
 * lags): they are let go, later ones refused, and a notice goes out ahead of everything else.
 *
 * <p>Not thread-safe: its {@link ClientChannel} guards it with its own monitor, as it does its other state, and
 * keeps the policies (the queue's capacity, when a client lags, the grace, closing) and the sending.
 */
final class PendingMessages {

    /**
     * Messages to send as one write.
     *
     * @param lastSequence the highest event sequence sent once these are, for the transport to name (SSE {@code id})
     * @param queuedAt     when the first of them was queued ({@link System#nanoTime()}): it waited longest
     */
    record Batch(List<Outbound> messages, long lastSequence, long queuedAt) {
    }

    private final Duration minUpdateInterval;
    private final Outbound givenUpNotice;
    private final OrderedQueue ordered = new OrderedQueue();
    private final Map<String, Queued> latest = new LinkedHashMap<>();
    private Outbound urgent;
    private long nextUpdateNanos;
    private long lastQueuedSequence;
    private long lastSentSequence;
    private long givenUpNanos;

    /** @param givenUpNotice what goes out first once the ordered messages are given up (the lagging error) */
    PendingMessages(Duration minUpdateInterval, Outbound givenUpNotice) {
        this.minUpdateInterval = minUpdateInterval;
        this.givenUpNotice = givenUpNotice;
    }

    /** @return whether it replaced an older message with the same key, which is then never sent */
    boolean coalesce(Outbound message, long now) {
        return latest.put(message.coalesceKey(), new Queued(message, now)) != null;
    }

    /** Whether the message is an event whose sequence was queued already (or declared seen). */
    boolean queuedBefore(Outbound message) {
        return message.sequence() > 0 && message.sequence() <= lastQueuedSequence;
    }

    /**
     * Queues an ordered message, unless the ordered messages were given up or take {@code capacity} places already
     * (a replay takes one, {@link OrderedQueue#size()}).
     *
     * @return whether it was queued
     */
    boolean addOrdered(Outbound message, long now, int capacity) {
        if (givenUpNanos != 0 || ordered.size() >= capacity) {
            return false;
        }
        ordered.add(message, now);
        lastQueuedSequence = Math.max(lastQueuedSequence, message.sequence());
        return true;
    }

    /**
     * Gives the ordered messages up: those waiting are let go, later ones refused, and the given-up notice goes
     * out ahead of everything else. Only the first call counts.
     */
    void giveUpOrdered(long now) {
        if (givenUpNanos == 0) {
            givenUpNanos = now;
            ordered.clear();
            urgent = givenUpNotice;
        }
    }

    /** When the ordered messages were given up ({@link System#nanoTime()}), 0 while they are not. */
    long givenUpAt() {
        return givenUpNanos;
    }

    /** Declares every event up to the sequence seen: later ones only are queued, and sent ones named from there. */
    void startAfter(long sequence) {
        lastQueuedSequence = Math.max(lastQueuedSequence, sequence);
        lastSentSequence = Math.max(lastSentSequence, sequence);
    }

    /** Starts over after {@code sequence} with a replay of the missed events ({@link OrderedQueue#replay}). */
    <T> void restart(long sequence, long upTo, List<T> missed, Function<? super T, Outbound> render, long now) {
        ordered.replay(missed, render, now);
        lastQueuedSequence = Math.max(sequence, upTo);
        lastSentSequence = sequence;
    }

    /** Forgets the events waiting in order; answers stay. */
    void dropEvents() {
        ordered.dropEvents();
    }

    long lastQueuedSequence() {
        return lastQueuedSequence;
    }

    /** Messages waiting, the replay counted by what it has left, and coalesced; the urgent one is not counted. */
    int messages() {
        return ordered.messages() + latest.size();
    }

    /** Whether coalesced messages wait, due or held back by the update interval. */
    boolean hasCoalesced() {
        return !latest.isEmpty();
    }

    /** Forgets everything waiting; the sequences stay. */
    void clear() {
        ordered.clear();
        latest.clear();
        urgent = null;
    }

    /**
     * Takes what goes out next: the urgent message, else a coalesced one if the update interval has passed (which
     * starts the interval again), else the next ordered one; then, up to {@code maxBatch} in all, the ordered ones
     * behind it.
     *
     * @return null when nothing is due
     */
    Batch next(long now, int maxBatch) {
        Queued picked = pick(now);
        if (picked == null) {
            return null;
        }
        lastSentSequence = Math.max(lastSentSequence, picked.message().sequence());
        List<Outbound> messages;
        if (maxBatch == 1 || ordered.isEmpty()) {
            messages = List.of(picked.message());
        } else {
            messages = new ArrayList<>(Math.min(maxBatch, ordered.size() + 1));
            messages.add(picked.message());
            while (messages.size() < maxBatch) {
                Queued next = ordered.poll(now);
                if (next == null) {
                    break;
                }
                lastSentSequence = Math.max(lastSentSequence, next.message().sequence());
                messages.add(next.message());
            }
        }
        return new Batch(messages, lastSentSequence, picked.at());
    }

    private Queued pick(long now) {
        if (urgent != null) {
            Queued q = new Queued(urgent, now);
            urgent = null;
            return q;
        }
        if (!latest.isEmpty() && now - nextUpdateNanos >= 0) {
            Iterator<Queued> it = latest.values().iterator();
            Queued q = it.next();
            it.remove();
            nextUpdateNanos = now + minUpdateInterval.toNanos();
            return q;
        }
        return ordered.poll(now);
    }
}
