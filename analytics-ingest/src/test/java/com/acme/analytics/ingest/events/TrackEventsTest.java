package com.acme.analytics.ingest.events;

import com.acme.analytics.domain.events.InvalidInputException;
import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.domain.metrics.Money;
import com.acme.analytics.ingest.flush.BatchFlusher;
import com.acme.analytics.ingest.flush.CommitRequests;
import com.acme.analytics.ingest.flush.IngestBuffer;
import com.acme.analytics.domain.DatabaseUnavailableException;
import com.acme.analytics.ingest.flush.Submission;
import com.acme.analytics.ingest.flush.Submission.Ack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrackEventsTest {

    private final TrackEvents track = new TrackEvents();
    private int flushRequests;
    private int unavailableForSeconds;

    @BeforeEach
    void wire() {
        track.buffer = new IngestBuffer(10);
        track.requests = new CommitRequests() {
            @Override
            public void flushSoon() {
                flushRequests++;
            }

            @Override
            public int unavailableForSeconds() {
                return unavailableForSeconds;
            }
        };
        track.flusher = new BatchFlusher() {
            @Override
            public FlushStatus status() {
                return new FlushStatus(0, false, null, 10, 1, 3, 2, 0, 0, 0);
            }
        };
        track.flushSize = 4;
        track.retryAfterSeconds = 2;
        track.commitTimeoutMs = 1000;
    }

    private static List<TrackedEvent> events(int n) {
        return IntStream.range(0, n).mapToObj(i -> new TrackedEvent("e" + i, "org", "click", "camp", Instant.EPOCH,
                new Money(0), null, null, "{}")).toList();
    }

    @Test
    void shouldAskForAFlushOnceBufferedEventsReachAFlushSize() {
        track.submit(events(3), Ack.BUFFERED);
        assertEquals(0, flushRequests);
        track.submit(events(1), Ack.BUFFERED);
        assertEquals(1, flushRequests);
    }

    @Test
    void shouldAskForAFlushAtOnceWhenTheCallerWaitsForTheCommit() {
        CompletionStage<Submission.Outcome> outcome = track.submit(events(1), Ack.COMMITTED);
        assertEquals(1, flushRequests);
        assertFalse(outcome.toCompletableFuture().isDone());
    }

    @Test
    void shouldAnswerABufferedSubmissionAtOnce() {
        assertTrue(track.submit(events(1), Ack.BUFFERED).toCompletableFuture().isDone());
    }

    @Test
    void failsACommitThatTakesTooLongWithARetryableError() {
        track.commitTimeoutMs = 10;
        CompletableFuture<Submission.Outcome> outcome = track.submit(events(1), Ack.COMMITTED).toCompletableFuture();
        ExecutionException e = assertThrows(ExecutionException.class, () -> outcome.get(5, TimeUnit.SECONDS));
        assertInstanceOf(DatabaseUnavailableException.class, e.getCause());
    }

    @Test
    void refusesABatchThatDoesNotFitWholeAndKeepsNoneOfIt() {
        track.submit(events(8), Ack.BUFFERED);
        DatabaseUnavailableException e = assertThrows(DatabaseUnavailableException.class,
                () -> track.submit(events(3), Ack.BUFFERED));
        assertEquals(2, e.retryAfterSeconds());
        assertEquals(8, track.buffer.size());
        track.submit(events(2), Ack.BUFFERED);
        assertEquals(10, track.buffer.size());
        assertThrows(DatabaseUnavailableException.class, () -> track.submit(events(1), Ack.BUFFERED));
    }

    @Test
    void rejectsCommittedSubmissionsAtOnceWhileTheDatabaseIsUnavailable() {
        unavailableForSeconds = 4;
        DatabaseUnavailableException e = assertThrows(DatabaseUnavailableException.class,
                () -> track.submit(events(1), Ack.COMMITTED));
        assertEquals(4, e.retryAfterSeconds());
        assertEquals(0, track.buffer.size());
        assertTrue(track.submit(events(1), Ack.BUFFERED).toCompletableFuture().isDone(),
                "the buffer rides out an outage for acknowledged events");
    }

    @Test
    void refusesASubmissionWhoseEveryEventTheDatabaseRefusedNamingThem() {
        CompletableFuture<Submission.Outcome> outcome = track.submit(events(2), List.of("events[0]", "events[3]"),
                Ack.COMMITTED).toCompletableFuture();
        Submission submitted = track.buffer.drain(10).get(0);
        submitted.outcome().complete(new Submission.Outcome(0, 0, List.of(
                new Submission.Refusal(0, "e0", "22P05", "unsupported Unicode escape sequence"),
                new Submission.Refusal(1, "e1", "22003", "value overflows numeric format"))));
        ExecutionException e = assertThrows(ExecutionException.class, () -> outcome.get(1, TimeUnit.SECONDS));
        InvalidInputException refused = assertInstanceOf(InvalidInputException.class, e.getCause());
        assertEquals(List.of("events[0]", "events[3]"), refused.violations().stream().map(v -> v.field()).toList());
        assertTrue(refused.violations().get(1).message().contains("22003"), refused.getMessage());
    }

    @Test
    void shouldPassAPartlyRefusedOutcomeOn() throws Exception {
        CompletableFuture<Submission.Outcome> outcome = track.submit(events(2), Ack.COMMITTED).toCompletableFuture();
        Submission.Outcome partly = new Submission.Outcome(1, 0, List.of(new Submission.Refusal(1, "e1", "22003",
                "value overflows numeric format")));
        track.buffer.drain(10).get(0).outcome().complete(partly);
        assertEquals(partly, outcome.get(1, TimeUnit.SECONDS));
    }

    @Test
    void shouldReportEventsTheDatabaseRefusedAndThoseDeadLetteredApartFromValidationRejects() {
        track.recordRejected(5);
        TrackEvents.PipelineStatus status = track.status();
        assertEquals(5, status.rejected());
        assertEquals(3, status.refused());
        assertEquals(2, status.deadLettered());
        assertEquals(10, status.flushed());
    }
}
