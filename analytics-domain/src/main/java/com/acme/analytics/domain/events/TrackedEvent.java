package com.acme.analytics.domain.events;

import com.acme.analytics.domain.metrics.Money;

import java.time.Instant;
import java.util.Objects;

/**
 * One event as stored: the unit of ingestion. Immutable; every event has an id, a tenant and its own time.
 *
 * @param eventId      the client's id, or one assigned at ingest; unique within the workspace
 * @param workspaceId  the tenant (the documents' organization and workspace are one concept)
 * @param eventType    a campaign type such as {@code click}, or a free-form type such as {@code message.sent}
 * @param campaignId   the campaign, or null for events outside campaigns
 * @param occurredAt   when the event happened, as the client says, else when it was received
 * @param value        the cost or value carried, zero when none
 * @param sessionId    the client session, or null
 * @param userId       the user, or null
 * @param metadataJson the free-form properties as a JSON object text, never null
 */
public record TrackedEvent(String eventId, String workspaceId, String eventType, String campaignId,
                           Instant occurredAt, Money value, String sessionId, String userId, String metadataJson) {

    public TrackedEvent {
        requireText(eventId, "eventId");
        requireText(workspaceId, "workspaceId");
        requireText(eventType, "eventType");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(metadataJson, "metadataJson");
    }

    private static void requireText(String s, String name) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
