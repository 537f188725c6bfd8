package com.acme.analytics.ingest.sync;

import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Where a sync puts what it fetched; the scheduler's store behind it is idempotent, so overlaps count once. */
public interface SyncSink {

    /** One value of a metric for one bucket (a minute for real-time reports) and one combination of dimensions. */
    void metric(MetricPoint point);

    /** A chunk of the provider's events, each with the provider's own id (the event id in our store). */
    void events(List<ProviderEvent> events);

    /** Where the next sync starts; stored with the events taken so far. */
    void cursor(String cursor);

    /** What the provider said of its quota, shown in the integration's status. */
    void quota(JsonObject quota);

    /** A request the connector made, for the sync's own {@code total_requests} and response-time figures. */
    void request(long responseMillis, boolean successful);

    record MetricPoint(String metric, Map<String, String> dimensions, Instant bucket, double value) {
    }

    record ProviderEvent(String id, String type, Instant timestamp, JsonObject data) {
    }
}
