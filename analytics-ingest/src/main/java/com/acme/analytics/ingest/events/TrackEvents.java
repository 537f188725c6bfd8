package com.acme.analytics.ingest.events;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.ingest.flush.BatchFlusher;
import com.acme.analytics.ingest.flush.CommitRequests;
import com.acme.analytics.ingest.flush.IngestBuffer;
import com.acme.analytics.domain.DatabaseUnavailableException;
import com.acme.analytics.ingest.flush.Submission;
import com.acme.analytics.ingest.flush.Submission.Ack;
import com.acme.analytics.ingest.flush.Submission.Outcome;
import com.acme.analytics.ingest.flush.Submission.Refusal;
import com.acme.analytics.domain.events.FieldViolation;
import com.acme.analytics.domain.events.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Takes validated events into the pipeline. A committed submission completes once the database holds it; a
 * buffered one completes at once (the documented buffered mode: accepted before written).
 */
@ApplicationScoped
public class TrackEvents {

    @Inject
    IngestBuffer buffer;
    @Inject
    BatchFlusher flusher;
    @Inject
    CommitRequests requests;
    @Inject
    @ConfigProperty(name = "analytics.ingest.buffer-size")
    int flushSize;
    @Inject
    @ConfigProperty(name = "analytics.ingest.retry-after-seconds")
    int retryAfterSeconds;
    @Inject
    @ConfigProperty(name = "analytics.ingest.commit-timeout-ms")
    long commitTimeoutMs;
    @Inject
    @ConfigProperty(name = "analytics.ingest.ack")
    Ack defaultAck;

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    /** The answer mode when a request does not choose: {@code analytics.ingest.ack}. */
    public Ack defaultAck() {
        return defaultAck;
    }

    /** {@link #submit(List, List, Ack)} naming a single event {@code body}, else {@code events[i]}. */
    public CompletionStage<Outcome> submit(List<TrackedEvent> events, Ack ack) {
        return submit(events, events.size() == 1 ? List.of("body") : IntStream.range(0, events.size())
                .mapToObj(i -> "events[" + i + "]").toList(), ack);
    }

    /**
     * @param paths where each event stands in the request, to name it when the database refuses it
     * @return the outcome once committed, whose {@link Outcome#refused()} lists the events the database refused for
     * what they hold; when it refused all of them, the stage fails with an {@link InvalidInputException} naming
     * them. For a buffered submission, null at once (refused events become dead letters).
     * @throws DatabaseUnavailableException when the events do not fit in the buffer, or (waiting for the commit)
     *                                      while the database is unavailable; none of them was taken. The returned
     *                                      stage fails with it too when the commit fails or times out.
     */
    public CompletionStage<Outcome> submit(List<TrackedEvent> events, List<String> paths, Ack ack) {
        int unavailableFor = requests.unavailableForSeconds();
        if (ack == Ack.COMMITTED && unavailableFor > 0) {
            // Fails fast instead of queueing for a write that is not attempted before the backoff ends.
            throw new DatabaseUnavailableException("The database is unavailable; nothing was stored, retry",
                    Math.max(retryAfterSeconds, unavailableFor));
        }
        Submission submission = new Submission(events, ack);
        if (!buffer.offer(submission)) {
            throw new DatabaseUnavailableException("The ingest buffer is full; retry shortly", retryAfterSeconds);
        }
        accepted.addAndGet(events.size());
        if (ack == Ack.COMMITTED || buffer.size() >= flushSize) {
            requests.flushSoon();
        }
        if (ack == Ack.BUFFERED) {
            return CompletableFuture.completedFuture(null);
        }
        return submission.outcome().orTimeout(commitTimeoutMs, TimeUnit.MILLISECONDS)
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(e instanceof TimeoutException
                        ? new DatabaseUnavailableException("Not committed within " + commitTimeoutMs
                        + " ms; it may still be stored: retry with the same event ids", retryAfterSeconds) : e))
                .thenCompose(outcome -> outcome.refused().size() == events.size()
                        ? CompletableFuture.failedFuture(refused(outcome.refused(), paths))
                        : CompletableFuture.completedFuture(outcome));
    }

    /** The 400 for events the database refused: storing them again would fail again. */
    public static InvalidInputException refused(List<Refusal> refused, List<String> paths) {
        return new InvalidInputException(refused.stream().map(r -> new FieldViolation(paths.get(r.index()),
                refusal(r))).toList());
    }

    /** Says why the database refused an event, for a person. */
    public static String refusal(Refusal r) {
        return "the database refused event " + r.eventId() + " (SQLState " + r.sqlState() + ": " + r.reason()
                + "); it was not stored, and sending it again will fail again";
    }

    /**
     * The failure a stage of {@link #submit} reports, as thrown: a dependent stage wraps it in a
     * {@link CompletionException}.
     */
    public static Throwable failure(Throwable reported) {
        return reported instanceof CompletionException && reported.getCause() != null ? reported.getCause()
                : reported;
    }

    /** Counts events refused by validation, for the pipeline status. */
    public void recordRejected(int count) {
        rejected.addAndGet(count);
    }

    public PipelineStatus status() {
        BatchFlusher.FlushStatus f = flusher.status();
        return new PipelineStatus(f.waiting(), f.processing(), f.lastFlush(), buffer.capacity(), accepted.get(),
                rejected.get(), f.refused(), f.deadLettered(), f.duplicates(), f.stored(), f.failedFlushes(),
                f.lastWriteMillis(), f.averageWriteMillis(), Instant.now());
    }

    /**
     * The pipeline's state, as the status endpoint reports it (the first three fields are the campaign
     * document's). {@code rejected} counts events validation refused; {@code refused} those the database refused
     * for what they hold (accepted first), of which {@code deadLettered} the buffered ones kept as dead letters.
     */
    public record PipelineStatus(int bufferSize, boolean isProcessing, Instant lastFlush, int bufferCapacity,
                                 long accepted, long rejected, long refused, long deadLettered, long duplicates,
                                 long flushed, long failedFlushes, double lastFlushMillis, double averageFlushMillis,
                                 Instant timestamp) {
    }
}
