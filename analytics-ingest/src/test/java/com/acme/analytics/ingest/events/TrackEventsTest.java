package com.acme.analytics.ingest.events;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.domain.metrics.Money;
import com.acme.analytics.ingest.flush.BatchFlusher;
import com.acme.analytics.ingest.flush.IngestBuffer;
import com.acme.analytics.ingest.flush.IngestUnavailableException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    }

    private static List<TrackedEvent> events(int n) {
        return IntStream.range(0, n).mapToObj(i -> new TrackedEvent("e" + i, "org", "click", "camp", Instant.EPOCH,
                new Money(0), null, null, "{}")).toList();
    }

    @Test
    void shouldAskForAFlushOnceTheBufferHoldsAFlushSize() {
        track.accept(events(3));
        assertEquals(0, flushRequests);
        track.accept(events(1));
        assertEquals(1, flushRequests);
    }

    @Test
    void refusesABatchThatDoesNotFitWholeAndKeepsNoneOfIt() {
        track.accept(events(8));
        IngestUnavailableException e = assertThrows(IngestUnavailableException.class, () -> track.accept(events(3)));
        assertEquals(2, e.retryAfterSeconds());
        assertEquals(8, track.buffer.size());
        track.accept(events(2));
        assertEquals(10, track.buffer.size());
        assertThrows(IngestUnavailableException.class, () -> track.accept(Collections.nCopies(1, events(1).get(0))));
    }
}
