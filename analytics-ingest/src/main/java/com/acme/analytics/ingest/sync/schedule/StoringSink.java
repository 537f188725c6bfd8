package com.acme.analytics.ingest.sync.schedule;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.domain.metrics.Money;
import com.acme.analytics.ingest.events.TrackEvents;
import com.acme.analytics.ingest.flush.Submission;
import com.acme.analytics.ingest.retention.EventTimeLimits;
import com.acme.analytics.ingest.sync.ProviderException;
import com.acme.analytics.ingest.sync.SyncSink;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What one sync stores: metric points upserted per (integration, metric, dimensions, bucket), provider events
 * through the ingest pipeline with the provider's id as the event id (its dedupe counts an overlap once), the
 * cursor, the quota and the request figures. Used by the one thread running the sync.
 */
final class StoringSink implements SyncSink, SyncHttp.Recorder {

    static final int METRIC_BATCH = 1000;
    /**
     * Chunks of events handed to the store and not yet committed, at most. One at a time, the sync waited for each
     * group commit before reading on, and ran at a fraction of batch ingest (bench/sync); a few in flight let the
     * connector read and parse the next chunks while the flusher commits, as concurrent ingest clients do.
     */
    static final int IN_FLIGHT = 4;
    private static final long COMMIT_WAIT_SECONDS = 60;
    private static final JsonProvider JSON = JsonProvider.provider();

    private final long integrationId;
    private final String workspaceId;
    private final MetricPoints metrics;
    private final TrackEvents ingest;
    private final EventTimeLimits limits;
    private final List<MetricPoint> pending = new ArrayList<>();
    /** The submissions not yet committed, oldest first. */
    private final ArrayDeque<CompletableFuture<Submission.Outcome>> inFlight = new ArrayDeque<>();

    private long records;
    private String cursor;
    private JsonObject quota;
    private long requests;
    private long successful;
    private long failed;
    private long responseMillis;
    /** A store failure inside a sink call, rethrown by {@link #close()} as the sync's failure. */
    private ProviderException storeFailure;

    StoringSink(long integrationId, String workspaceId, MetricPoints metrics, TrackEvents ingest,
                EventTimeLimits limits) {
        this.integrationId = integrationId;
        this.workspaceId = workspaceId;
        this.metrics = metrics;
        this.ingest = ingest;
        this.limits = limits;
    }

    @Override
    public void metric(MetricPoint point) {
        pending.add(point);
        if (pending.size() >= METRIC_BATCH) {
            flushMetrics();
        }
    }

    @Override
    public void events(List<ProviderEvent> events) {
        Instant now = Instant.now();
        Instant earliest = limits.earliest(now);
        Instant latest = limits.latest(now);
        List<TrackedEvent> tracked = new ArrayList<>(events.size());
        for (ProviderEvent e : events) {
            if (e.timestamp().isBefore(earliest) || e.timestamp().isAfter(latest)) {
                continue;   // outside retention or clock skew: the store has no partition for it
            }
            JsonObject data = e.data();
            // integrationId ties the event to its integration's socket (IntegrationFeed) on every instance.
            String metadata = JSON.createObjectBuilder(data).add("integrationId", integrationId).build().toString();
            tracked.add(new TrackedEvent(e.id(), workspaceId, e.type(), text(data, "campaignId"), e.timestamp(),
                    new Money(0), text(data, "sessionId"), userId(data), metadata));
        }
        if (tracked.isEmpty() || storeFailure != null) {
            return;
        }
        try {
            inFlight.add(ingest.submit(tracked, Submission.Ack.COMMITTED).toCompletableFuture());
        } catch (RuntimeException e) {
            storeFailure = new ProviderException(ProviderException.Kind.TRANSIENT, "storing the events failed: "
                    + e.getMessage(), null, e);
            return;
        }
        while (inFlight.size() >= IN_FLIGHT && storeFailure == null) {
            awaitOldest();
        }
    }

    /** Waits for the oldest submission's commit and counts what it stored. */
    private void awaitOldest() {
        try {
            records += inFlight.remove().get(COMMIT_WAIT_SECONDS, TimeUnit.SECONDS).stored();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            storeFailure = new ProviderException(ProviderException.Kind.TRANSIENT, "interrupted", null, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            storeFailure = new ProviderException(ProviderException.Kind.TRANSIENT, "storing the events failed: "
                    + cause.getMessage(), null, cause);
        }
    }

    @Override
    public void cursor(String cursor) {
        this.cursor = cursor;
    }

    @Override
    public void quota(JsonObject quota) {
        this.quota = quota;
    }

    @Override
    public void request(long responseMillis, boolean ok) {
        requests++;
        this.responseMillis += responseMillis;
        if (ok) {
            successful++;
        } else {
            failed++;
        }
    }

    /**
     * Waits for the events in flight to be committed and writes the metric points still pending; throws the first
     * store failure of the sync. Called before the sync's cursor is recorded, so a cursor never passes an event
     * that is not stored.
     */
    void close() throws ProviderException {
        while (!inFlight.isEmpty() && storeFailure == null) {
            awaitOldest();
        }
        flushMetrics();
        if (storeFailure != null) {
            throw storeFailure;
        }
    }

    private void flushMetrics() {
        if (pending.isEmpty() || storeFailure != null) {
            return;
        }
        try {
            metrics.upsert(integrationId, pending);
            records += pending.size();
        } catch (SQLException e) {
            storeFailure = new ProviderException(ProviderException.Kind.TRANSIENT, "storing the metrics failed: "
                    + e.getMessage(), null, e);
        }
        pending.clear();
    }

    private static String text(JsonObject data, String field) {
        return data.get(field) instanceof JsonString s && !s.getString().isBlank() ? s.getString() : null;
    }

    private static String userId(JsonObject data) {
        String user = text(data, "userId");
        return user != null ? user : text(data, "distinct_id");
    }

    long records() {
        return records;
    }

    String cursorTaken() {
        return cursor;
    }

    JsonObject quotaSeen() {
        return quota;
    }

    long requests() {
        return requests;
    }

    long successful() {
        return successful;
    }

    long failed() {
        return failed;
    }

    long responseMillis() {
        return responseMillis;
    }
}
