package com.acme.analytics.ingest.deadletters;

import com.acme.analytics.domain.events.TrackedEvent;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.time.Instant;

/**
 * An acknowledged (buffered) event that the database refused for what it holds: it was answered 202 and cannot
 * be stored, so it is kept aside for the workspace's admins to see instead of being retried ahead of good work.
 *
 * @param workspaceId the event's workspace
 * @param eventId     its id
 * @param eventJson   the event as JSON text (the ingest contract's fields); stored as text, not jsonb, since what
 *                    jsonb refused is often exactly what made the event fail
 * @param sqlState    the database's SQLState
 * @param reason      the database's message
 * @param failedAt    when the write was refused
 */
public record DeadLetter(String workspaceId, String eventId, String eventJson, String sqlState, String reason,
                         Instant failedAt) {

    private static final JsonProvider JSON = JsonProvider.provider();

    public static DeadLetter of(TrackedEvent e, String sqlState, String reason, Instant failedAt) {
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("eventId", e.eventId())
                .add("organizationId", e.workspaceId())
                .add("eventType", e.eventType())
                .add("timestamp", e.occurredAt().toString())
                .add("value", java.math.BigDecimal.valueOf(e.value().micros(), 6));
        if (e.campaignId() != null) {
            b.add("campaignId", e.campaignId());
        }
        b.add("metadata", metadata(e.metadataJson()));
        return new DeadLetter(storable(e.workspaceId()), storable(e.eventId()), b.build().toString(), sqlState,
                storable(reason), failedAt);
    }

    /** A text column cannot hold U+0000 (the JSON text escapes it); a dead letter must store whatever refused. */
    private static String storable(String s) {
        return s == null ? null : s.replace('\u0000', '\uFFFD');
    }

    private static JsonValue metadata(String text) {
        try (var reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            return JSON.createValue(text);
        }
    }
}
