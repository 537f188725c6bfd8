package com.acme.analytics.ingest.events;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.domain.metrics.Money;
import com.acme.analytics.ingest.flush.BatchFlusher;
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

    @BeforeEach
    void wire() {
        track.buffer = new IngestBuffer(10);
        track.flusher = new BatchFlusher() {
            @Override
            public void flushSoon() {
                flushRequests++;
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
}
