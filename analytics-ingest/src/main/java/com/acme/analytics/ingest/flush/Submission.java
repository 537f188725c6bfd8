package com.acme.analytics.ingest.flush;

import com.acme.analytics.domain.config.ConfigChoice;
import com.acme.analytics.domain.events.TrackedEvent;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The events of one ingest request on their way to the database, and the promise its caller waits on.
 */
public final class Submission {

    /** When the caller is answered. */
    public enum Ack {
        /** After the events are committed in PostgreSQL: a crash cannot lose them. */
        COMMITTED,
        /** As soon as they are in memory; the next flush writes them, a crash before it loses them. */
        BUFFERED;

        /** From configuration ({@code analytics.ingest.ack}): {@code committed} or {@code buffered}. */
        public static Ack of(String value) {
            return ConfigChoice.of(Ack.class, value);
        }
    }

    /**
     * What the database made of a submission.
     *
     * @param stored     events stored now
     * @param duplicates events whose id was already stored within the dedupe window, so not counted again
     * @param refused    events the database refused for what they hold (never retried), by index in the submission
     */
    public record Outcome(int stored, int duplicates, List<Refusal> refused) {

        public Outcome {
            refused = List.copyOf(refused);
        }

        public Outcome(int stored, int duplicates) {
            this(stored, duplicates, List.of());
        }
    }

    /**
     * An event the database refused: storing it again would fail again.
     *
     * @param index    the event's place in the submission
     * @param eventId  its id
     * @param sqlState the database's SQLState, such as {@code 22P05}
     * @param reason   the database's message
     */
    public record Refusal(int index, String eventId, String sqlState, String reason) {
    }

    private final List<TrackedEvent> events;
    /** Each event as a staging row, encoded here on the submitting thread rather than on the committer. */
    private final List<byte[]> rows;
    private final Ack ack;
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

    public Submission(List<TrackedEvent> events, Ack ack) {
        this.events = List.copyOf(events);
        this.rows = this.events.stream().map(StagingRows::encode).toList();
        this.ack = ack;
    }

    public List<TrackedEvent> events() {
        return events;
    }

    public Ack ack() {
        return ack;
    }

    public CompletableFuture<Outcome> outcome() {
        return outcome;
    }

    byte[] row(int index) {
        return rows.get(index);
    }

    int size() {
        return events.size();
    }
}
