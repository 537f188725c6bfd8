package com.acme.analytics.ingest.flush;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.domain.logging.ThrottledLog;
import com.acme.analytics.ingest.deadletters.DeadLetter;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The production {@link FlushFailureHandler}: answers what the commit loop gave up, counts failures for the
 * pipeline status, and logs them at most once per interval and kind.
 */
final class FlushFailures implements FlushFailureHandler {

    private static final Logger LOG = Logger.getLogger(BatchFlusher.class.getName());

    private final Answers answers;
    private final int retryAfterSeconds;
    private final ThrottledLog outageLog;
    private final ThrottledLog refusalLog;
    private final AtomicLong failedFlushes = new AtomicLong();
    private final AtomicLong refusedEvents = new AtomicLong();

    FlushFailures(Answers answers, int retryAfterSeconds, long logIntervalMillis) {
        this.answers = answers;
        this.retryAfterSeconds = retryAfterSeconds;
        this.outageLog = new ThrottledLog(LOG, logIntervalMillis);
        this.refusalLog = new ThrottledLog(LOG, logIntervalMillis);
    }

    @Override
    public void onRefused(Submission submission, TrackedEvent event, SQLException cause) {
        refusedEvents.incrementAndGet();
        refusalLog.log(Level.WARNING, "The database refused event " + event.eventId() + " of workspace "
                + event.workspaceId() + " (SQLState " + cause.getSQLState() + ": " + cause.getMessage() + "); "
                + (submission.ack() == Submission.Ack.BUFFERED ? "dead-lettered" : "answered 400")
                + ", the rest of its chunk is stored", null);
    }

    @Override
    public void onOutage(List<Submission> givenUp, List<Submission> partlyStored, Exception cause,
                         long retryInMillis) {
        failedFlushes.incrementAndGet();
        answers.unavailable(givenUp, partlyStored, Math.max(retryAfterSeconds, (int) ((retryInMillis + 999) / 1000)));
        outageLog.log(Level.WARNING, "Database unavailable: " + givenUp.size()
                + " waiting requests answered 503, buffered events kept; next attempt in " + retryInMillis + " ms",
                cause);
    }

    @Override
    public void onDeadLettersLost(List<DeadLetter> letters, Exception cause) {
        LOG.log(Level.SEVERE, letters.size() + " dead letters could not be stored and are lost: "
                + letters.stream().map(DeadLetter::eventJson).toList(), cause);
    }

    long failedFlushes() {
        return failedFlushes.get();
    }

    long refusedEvents() {
        return refusedEvents.get();
    }
}
