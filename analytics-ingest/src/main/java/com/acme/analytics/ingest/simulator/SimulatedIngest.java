package com.acme.analytics.ingest.simulator;

import com.acme.analytics.domain.events.InvalidInputException;
import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.ingest.events.EventParser;
import com.acme.analytics.ingest.events.TrackEvents;
import com.acme.analytics.ingest.flush.Submission.Ack;
import com.acme.analytics.ingest.flush.Submission.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * Sends simulated events down the path of {@code POST /api/analytics/real-time}: each is validated by the same
 * {@link EventParser} (the invalid ones are refused and counted as rejected in the pipeline status), the valid ones
 * are submitted to {@link TrackEvents} in chunks of at most {@code analytics.ingest.max-batch-events}, as a batch
 * request would be, and deduped, stored, rolled up and pushed live like any other. Thread-safe.
 */
@ApplicationScoped
public class SimulatedIngest {

    @Inject
    EventParser parser;
    @Inject
    TrackEvents trackEvents;
    @Inject
    @ConfigProperty(name = "analytics.ingest.max-batch-events")
    int maxBatchEvents;

    /** What ingest made of simulated events: stored, already stored (same id), refused (validation, database). */
    public record Tally(long stored, long duplicates, long rejected) {
        public long accepted() {
            return stored + duplicates;
        }
    }

    /**
     * Returns once every valid event is committed.
     *
     * @throws com.acme.analytics.domain.DatabaseUnavailableException when ingest cannot take or commit them
     * @throws InterruptedException                                     when the waiting thread is told to stop
     */
    public Tally submit(List<JsonObject> events) throws InterruptedException {
        Instant now = Instant.now();
        List<Pending> pending = new ArrayList<>();
        long rejected = 0;
        for (int from = 0; from < events.size(); from += maxBatchEvents) {
            List<JsonObject> chunk = events.subList(from, Math.min(events.size(), from + maxBatchEvents));
            List<TrackedEvent> valid = new ArrayList<>(chunk.size());
            List<String> paths = new ArrayList<>(chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                try {
                    valid.add(parser.parse(chunk.get(i), "events[" + i + "]", now));
                    paths.add("events[" + i + "]");
                } catch (InvalidInputException e) {
                    rejected++;
                }
            }
            trackEvents.recordRejected(chunk.size() - valid.size());
            if (!valid.isEmpty()) {
                pending.add(new Pending(valid.size(), trackEvents.submit(valid, paths, Ack.COMMITTED)));
            }
        }
        long stored = 0;
        long duplicates = 0;
        for (Pending p : pending) {
            try {
                Outcome outcome = p.stage().toCompletableFuture().get();
                stored += outcome.stored();
                duplicates += outcome.duplicates();
                rejected += outcome.refused().size();
            } catch (ExecutionException e) {
                Throwable cause = TrackEvents.failure(e.getCause());
                if (cause instanceof InvalidInputException) {
                    // The database refused every event of the chunk for what they hold, as it would a request's.
                    rejected += p.events();
                } else {
                    throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
                }
            }
        }
        return new Tally(stored, duplicates, rejected);
    }

    private record Pending(int events, CompletionStage<Outcome> stage) {
    }
}
