package com.acme.analytics.ingest.flush;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.domain.metrics.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngestBufferTest {

    private static Submission submission(int n, Submission.Ack ack) {
        return new Submission(IntStream.range(0, n).mapToObj(i -> new TrackedEvent("e" + i, "org", "click", "c",
                Instant.EPOCH, new Money(0), null, null, "{}")).toList(), ack);
    }

    @Test
    void shouldDrainWholeSubmissionsUpToTheBatchSizeOldestFirst() {
        IngestBuffer buffer = new IngestBuffer(100);
        Submission a = submission(3, Submission.Ack.BUFFERED);
        Submission b = submission(3, Submission.Ack.BUFFERED);
        Submission c = submission(3, Submission.Ack.BUFFERED);
        buffer.offer(a);
        buffer.offer(b);
        buffer.offer(c);
        assertEquals(List.of(a, b), buffer.drain(7));
        assertEquals(3, buffer.size());
        assertEquals(List.of(c), buffer.drain(7));
        assertEquals(0, buffer.size());
    }

    @Test
    void shouldDrainASubmissionLargerThanTheBatchSizeWhole() {
        IngestBuffer buffer = new IngestBuffer(100);
        Submission big = submission(10, Submission.Ack.BUFFERED);
        buffer.offer(big);
        assertEquals(List.of(big), buffer.drain(4));
    }

    @Test
    void shouldKnowWhetherACallerWaitsForACommit() {
        IngestBuffer buffer = new IngestBuffer(100);
        buffer.offer(submission(1, Submission.Ack.BUFFERED));
        assertFalse(buffer.hasAwaitingCommit());
        buffer.offer(submission(1, Submission.Ack.COMMITTED));
        assertTrue(buffer.hasAwaitingCommit());
        buffer.drain(100);
        assertFalse(buffer.hasAwaitingCommit());
    }
}
