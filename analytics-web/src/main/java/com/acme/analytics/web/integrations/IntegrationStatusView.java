package com.acme.analytics.web.integrations;

import com.acme.analytics.ingest.sync.schedule.SyncStates;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;

/**
 * The answer of {@code GET .../integrations/{id}/status}: state, pausedAt, lastSyncAt, lastSuccessAt, nextSyncAt, lastError,
 * consecutiveFailures, recordsLastSync, freshnessSeconds and quota (the provider's, plus the sync's own request
 * figures). Times absent so far are null.
 */
final class IntegrationStatusView {

    private static final JsonProvider JSON = JsonProvider.provider();

    private IntegrationStatusView() {
    }

    static JsonObject of(SyncStates.Status s, Instant now) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("state", s.state());
        time(b, "pausedAt", s.pausedAt());
        time(b, "lastSyncAt", s.lastSyncAt());
        time(b, "lastSuccessAt", s.lastSuccessAt());
        time(b, "nextSyncAt", s.nextSyncAt());
        if (s.lastError() == null) {
            b.addNull("lastError");
        } else {
            b.add("lastError", s.lastError());
        }
        b.add("consecutiveFailures", s.consecutiveFailures()).add("recordsLastSync", s.recordsLastSync());
        if (s.lastSuccessAt() == null) {
            b.addNull("freshnessSeconds");
        } else {
            b.add("freshnessSeconds", Math.max(0, Duration.between(s.lastSuccessAt(), now).toSeconds()));
        }
        JsonObjectBuilder quota = s.quotaJson() == null ? Json.createObjectBuilder()
                : Json.createObjectBuilder(JSON.createReader(new StringReader(s.quotaJson())).readObject());
        quota.add("totalRequests", s.totalRequests()).add("successfulRequests", s.successfulRequests())
                .add("failedRequests", s.failedRequests())
                .add("averageResponseMs", s.totalRequests() == 0 ? 0 : s.responseMillisTotal() / s.totalRequests());
        return b.add("quota", quota).build();
    }

    private static void time(JsonObjectBuilder b, String name, Instant t) {
        if (t == null) {
            b.addNull(name);
        } else {
            b.add(name, t.toString());
        }
    }
}
