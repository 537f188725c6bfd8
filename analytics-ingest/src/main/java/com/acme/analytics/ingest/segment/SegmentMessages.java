package com.acme.analytics.ingest.segment;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.domain.metrics.Money;
import com.acme.analytics.domain.events.FieldViolation;
import com.acme.analytics.domain.events.InvalidInputException;
import com.acme.analytics.ingest.events.StorableText;
import com.acme.analytics.ingest.retention.EventTimeLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the messages of Segment's tracking API (track, identify, page, screen, group, alias) into events, so that
 * Segment's SDKs work unchanged: {@code messageId} is the event id (a retry is counted once), {@code userId} or
 * else {@code anonymousId} the user, {@code properties.campaignId}, {@code properties.sessionId} (or
 * {@code context.sessionId}) and {@code properties.value} (or {@code revenue}) feed the campaign metrics, and the
 * event time is corrected for the sender's clock as Segment does: {@code timestamp + (receivedAt - sentAt)}.
 */
@ApplicationScoped
public class SegmentMessages {

    /** Segment's limit for one message. */
    public static final int MAX_MESSAGE_BYTES = 32 * 1024;
    static final Set<String> TYPES = Set.of("track", "identify", "page", "screen", "group", "alias");
    private static final int MAX_NAME_LENGTH = 200;

    private final EventTimeLimits limits;

    @Inject
    public SegmentMessages(EventTimeLimits limits) {
        this.limits = limits;
    }

    /** For the CDI proxy only. */
    protected SegmentMessages() {
        this.limits = null;
    }

    /**
     * @param message     the message as sent
     * @param path        where it stands in the body, for messages (such as {@code batch[2]})
     * @param defaultType the type implied by the endpoint ({@code /v1/track}), or null for batches
     * @param sentAt      the batch's {@code sentAt}, used when the message has none; may be null
     * @param workspaceId the workspace of the write key
     * @throws InvalidInputException naming each field at fault
     */
    public TrackedEvent read(JsonValue message, String path, String defaultType, Instant sentAt, String workspaceId,
                             Instant receivedAt) {
        if (message == null || message.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException(path, "must be a JSON object");
        }
        JsonObject m = message.asJsonObject();
        List<FieldViolation> violations = new ArrayList<>();
        if (m.toString().getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
            throw new InvalidInputException(path, "is larger than Segment's limit of 32 KB per message");
        }
        StorableText.check(m, path, violations);
        String type = text(m, "type");
        if (type == null) {
            type = defaultType;
        }
        if (type == null || !TYPES.contains(type)) {
            violations.add(new FieldViolation(path + ".type", "must be one of " + String.join(", ", TYPES)));
        }
        String name = "track".equals(type) ? requiredName(m, "event", path, violations) : type;
        String user = id(m, "userId");
        if (user == null) {
            user = id(m, "anonymousId");
        }
        if (user == null) {
            violations.add(new FieldViolation(path + ".userId", "userId or anonymousId is required"));
        }
        Instant occurredAt = occurredAt(m, path, sentAt, receivedAt, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        JsonObject properties = object(m, "identify".equals(type) || "group".equals(type) ? "traits" : "properties");
        JsonObject context = object(m, "context");
        String messageId = text(m, "messageId");
        String session = text(properties, "sessionId") != null ? text(properties, "sessionId") : text(context, "sessionId");
        return new TrackedEvent(messageId != null ? messageId : UUID.randomUUID().toString(), workspaceId, name,
                text(properties, "campaignId"), occurredAt, value(properties), session, user,
                metadata(m, type, properties, context).toString());
    }

    private static JsonObject metadata(JsonObject m, String type, JsonObject properties, JsonObject context) {
        JsonObjectBuilder segment = Json.createObjectBuilder().add("type", type);
        for (String field : List.of("name", "category", "groupId", "previousId", "anonymousId")) {
            if (m.containsKey(field)) {
                segment.add(field, m.get(field));
            }
        }
        if (!context.isEmpty()) {
            segment.add("context", context);
        }
        return Json.createObjectBuilder(properties).add("segment", segment).build();
    }

    private Instant occurredAt(JsonObject m, String path, Instant batchSentAt, Instant receivedAt,
                               List<FieldViolation> violations) {
        Instant timestamp = instant(m, "timestamp", path, violations);
        if (timestamp == null) {
            timestamp = instant(m, "originalTimestamp", path, violations);
        }
        Instant sentAt = instant(m, "sentAt", path, violations);
        if (sentAt == null) {
            sentAt = batchSentAt;
        }
        if (timestamp == null) {
            return receivedAt;
        }
        Instant corrected = sentAt == null ? timestamp : timestamp.plus(Duration.between(sentAt, receivedAt));
        if (corrected.isAfter(limits.latest(receivedAt))) {
            violations.add(new FieldViolation(path + ".timestamp", "is more than "
                    + limits.maxFutureSkew().toSeconds() + " s in the future; check the sender's clock"));
        } else if (corrected.isBefore(limits.earliest(receivedAt))) {
            violations.add(new FieldViolation(path + ".timestamp", "is older than the retention period of "
                    + limits.retentionDays() + " days"));
        }
        return corrected;
    }

    /** An ISO-8601 instant field of a message, or null when absent. */
    public static Instant instant(JsonObject o, String field, String path, List<FieldViolation> violations) {
        String s = text(o, field);
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException again) {
                violations.add(new FieldViolation(path + "." + field, "must be an ISO-8601 date-time"));
                return null;
            }
        }
    }

    private static String requiredName(JsonObject m, String field, String path, List<FieldViolation> violations) {
        String s = text(m, field);
        if (s == null || s.isBlank()) {
            violations.add(new FieldViolation(path + "." + field, "is required for a track call"));
            return null;
        }
        if (s.length() > MAX_NAME_LENGTH) {
            violations.add(new FieldViolation(path + "." + field, "must be at most " + MAX_NAME_LENGTH + " characters"));
            return null;
        }
        return s;
    }

    private static Money value(JsonObject properties) {
        for (String field : List.of("value", "revenue")) {
            JsonValue v = properties.get(field);
            if (v != null && v.getValueType() == JsonValue.ValueType.NUMBER) {
                try {
                    return Money.of(((JsonNumber) v).bigDecimalValue().setScale(6, RoundingMode.HALF_UP));
                } catch (ArithmeticException e) {
                    return new Money(0);
                }
            }
        }
        return new Money(0);
    }

    private static String id(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null) {
            return null;
        }
        if (v.getValueType() == JsonValue.ValueType.NUMBER) {
            return ((JsonNumber) v).bigDecimalValue().toPlainString();
        }
        String s = v.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) v).getString() : null;
        return s == null || s.isBlank() ? null : s;
    }

    private static String text(JsonObject o, String field) {
        JsonValue v = o.get(field);
        return v != null && v.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) v).getString() : null;
    }

    private static JsonObject object(JsonObject o, String field) {
        JsonValue v = o.get(field);
        return v != null && v.getValueType() == JsonValue.ValueType.OBJECT ? v.asJsonObject()
                : JsonValue.EMPTY_JSON_OBJECT;
    }
}
