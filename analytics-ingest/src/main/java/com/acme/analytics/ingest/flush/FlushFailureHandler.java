package com.acme.analytics.ingest.flush;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.ingest.deadletters.DeadLetter;

import java.sql.SQLException;
import java.util.List;

/**
 * What becomes of events the {@link CommitLoop} could not store, in the manner of the Disruptor's
 * {@code ExceptionHandler}: the loop hands the failure over and goes on. Called on the committer thread; an
 * implementation must not throw and should not block.
 */
public interface FlushFailureHandler {

    /**
     * The database refused this event for what it holds; the loop never writes it again. Its submission is settled
     * with the refusal ({@link Submission.Outcome#refused()}), and a buffered one's event becomes a dead letter.
     */
    void onRefused(Submission submission, TrackedEvent event, SQLException cause);

    /**
     * The database could not be written. The committed-mode submissions given up are answered here (part of one may
     * be stored when {@code partlyStored}); buffered ones are kept by the loop and written first after the backoff.
     *
     * @param retryInMillis when the loop tries again
     */
    void onOutage(List<Submission> givenUp, List<Submission> partlyStored, Exception cause, long retryInMillis);

    /** The database refused the dead letters themselves (a data failure); they are dropped, so say so loudly. */
    void onDeadLettersLost(List<DeadLetter> letters, Exception cause);
}
