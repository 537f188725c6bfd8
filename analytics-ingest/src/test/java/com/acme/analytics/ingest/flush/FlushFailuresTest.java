package com.acme.analytics.ingest.flush;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.domain.metrics.Money;
import com.acme.analytics.ingest.flush.Submission.Ack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The counters the pipeline status reads from the production failure handler. */
class FlushFailuresTest {

    private final ExecutorService answerThreads = Executors.newSingleThreadExecutor();
    private final FlushFailures failures = new FlushFailures(new Answers(answerThreads), 1, 10_000);

    @AfterEach
    void stop() {
        answerThreads.shutdownNow();
    }

    private static Submission submission(Ack ack, String id) {
        return new Submission(List.of(new TrackedEvent(id, "ws", "click", "camp", Instant.EPOCH, new Money(0), null,
                null, "{\"huge\":1e200000}")), ack);
    }

    @Test
    void shouldCountEveryRefusedEventWhateverItsAnswerModeAndNoOutage() {
        SQLException overflow = new SQLException("value overflows numeric format", "22003");
        Submission committed = submission(Ack.COMMITTED, "p1");
        Submission buffered = submission(Ack.BUFFERED, "p2");
        failures.onRefused(committed, committed.events().get(0), overflow);
        failures.onRefused(buffered, buffered.events().get(0), overflow);
        assertEquals(2, failures.refusedEvents());
        assertEquals(0, failures.failedFlushes(), "a refused event is no failed flush");
    }

    @Test
    void shouldCountAnOutageAsAFailedFlushAndNoRefusal() {
        failures.onOutage(List.of(), List.of(), new SQLException("Connection refused", "08001"), 100);
        assertEquals(1, failures.failedFlushes());
        assertEquals(0, failures.refusedEvents());
    }
}
