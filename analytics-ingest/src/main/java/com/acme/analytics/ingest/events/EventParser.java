package com.acme.analytics.ingest.events;

import com.acme.analytics.domain.events.FieldViolation;
import com.acme.analytics.domain.events.InvalidInputException;

import com.acme.analytics.domain.events.EventType;
import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.domain.metrics.Money;
import com.acme.analytics.ingest.retention.EventTimeLimits;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads a campaign event of the ingest contract ({@code eventType}, {@code campaignId}, {@code organizationId},
 * optional {@code eventId}, {@code timestamp}, {@code value}, {@code metadata}) and reports every field at fault
 * at once. Thread-safe. Dependent, so that its users hold the instance itself: a client proxy's lookup per event
 * was a tenth of a request thread's samples for batches of 100.
 */
@Dependent
public class EventParser {

    static final int MAX_ID_LENGTH = 128;

    private final EventTimeLimits limits;
    private final int maxPropertyDepth;

    /** @param maxPropertyDepth how deep {@code metadata} may nest objects and arrays (1: flat) */
    @Inject
    public EventParser(EventTimeLimits limits,
                       @ConfigProperty(name = "analytics.ingest.max-property-depth") int maxPropertyDepth) {
        this.limits = limits;
        this.maxPropertyDepth = maxPropertyDepth;
    }

    /**
     * @param json       the event as sent
     * @param path       the event's path in the body, used to name fields in violations (e.g. {@code event})
     * @param receivedAt the time of receipt, used when the event carries no timestamp
     * @throws InvalidInputException naming each field at fault
     */
    public TrackedEvent parse(JsonValue json, String path, Instant receivedAt) {
        if (json == null || json.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException(path, "must be a JSON object");
        }
        JsonObject o = json.asJsonObject();
        List<FieldViolation> violations = new ArrayList<>();

        String type = requiredId(o, "eventType", path, violations);
        if (type != null && EventType.fromWire(type).isEmpty()) {
            violations.add(new FieldViolation(path + ".eventType",
                    "unknown event type '" + type + "'; expected one of " + EventType.WIRE_NAMES));
        }
        String campaignId = requiredId(o, "campaignId", path, violations);
        String organizationId = requiredId(o, "organizationId", path, violations);
        String eventId = optionalId(o, "eventId", path, violations);
        Instant occurredAt = timestamp(o, path, receivedAt, violations);
        Money value = value(o, path, violations);
        JsonObject metadata = metadata(o, path, violations);

        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new TrackedEvent(eventId != null ? eventId : UUID.randomUUID().toString(), organizationId, type,
                campaignId, occurredAt != null ? occurredAt : receivedAt, value,
                text(metadata, "sessionId"), text(metadata, "userId"), metadata.toString());
    }

    private static String requiredId(JsonObject o, String name, String path, List<FieldViolation> violations) {
        JsonValue v = o.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            violations.add(new FieldViolation(path + "." + name, "is required"));
            return null;
        }
        return id(v, name, path, violations);
    }

    private static String optionalId(JsonObject o, String name, String path, List<FieldViolation> violations) {
        JsonValue v = o.get(name);
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : id(v, name, path, violations);
    }

    private static String id(JsonValue v, String name, String path, List<FieldViolation> violations) {
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            violations.add(new FieldViolation(path + "." + name, "must be a string"));
            return null;
        }
        String s = ((JsonString) v).getString();
        if (s.isBlank()) {
            violations.add(new FieldViolation(path + "." + name, "must not be blank"));
            return null;
        }
        if (s.length() > MAX_ID_LENGTH) {
            violations.add(new FieldViolation(path + "." + name, "must be at most " + MAX_ID_LENGTH + " characters"));
            return null;
        }
        String problem = StorableText.problem(s);
        if (problem != null) {
            violations.add(new FieldViolation(path + "." + name, problem));
            return null;
        }
        return s;
    }

    private Instant timestamp(JsonObject o, String path, Instant now, List<FieldViolation> violations) {
        JsonValue v = o.get("timestamp");
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        Instant at = null;
        try {
            if (v.getValueType() == JsonValue.ValueType.NUMBER) {
                at = Instant.ofEpochMilli(((JsonNumber) v).longValueExact());
            } else if (v.getValueType() == JsonValue.ValueType.STRING) {
                at = Instant.parse(((JsonString) v).getString());
            }
        } catch (ArithmeticException | DateTimeParseException e) {
            // reported below
        }
        if (at == null) {
            violations.add(new FieldViolation(path + ".timestamp",
                    "must be an ISO-8601 instant such as 2025-07-15T12:30:00Z or epoch milliseconds"));
        } else if (at.isAfter(limits.latest(now))) {
            violations.add(new FieldViolation(path + ".timestamp", "is more than "
                    + limits.maxFutureSkew().toSeconds() + " s in the future; check the sender's clock"));
        } else if (at.isBefore(limits.earliest(now))) {
            violations.add(new FieldViolation(path + ".timestamp", "is older than the retention period of "
                    + limits.retentionDays() + " days"));
        }
        return at;
    }

    private static Money value(JsonObject o, String path, List<FieldViolation> violations) {
        JsonValue v = o.get("value");
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return new Money(0);
        }
        if (v.getValueType() != JsonValue.ValueType.NUMBER) {
            violations.add(new FieldViolation(path + ".value", "must be a number"));
            return null;
        }
        try {
            return Money.of(((JsonNumber) v).bigDecimalValue());
        } catch (ArithmeticException e) {
            violations.add(new FieldViolation(path + ".value", "must have at most 6 decimals and fit in 64 bits"));
            return null;
        }
    }

    private JsonObject metadata(JsonObject o, String path, List<FieldViolation> violations) {
        JsonValue v = o.get("metadata");
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            violations.add(new FieldViolation(path + ".metadata", "must be a JSON object"));
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (depth(v) > maxPropertyDepth) {
            violations.add(new FieldViolation(path + ".metadata", "nests objects or arrays deeper than "
                    + maxPropertyDepth + " levels"));
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        int before = violations.size();
        StorableText.check(v, path + ".metadata", violations);
        return violations.size() > before ? JsonValue.EMPTY_JSON_OBJECT : v.asJsonObject();
    }

    /** Levels of objects and arrays: 1 for a flat object. Loops, not streams: it runs for every event. */
    private static int depth(JsonValue v) {
        Iterable<JsonValue> children = switch (v.getValueType()) {
            case OBJECT -> v.asJsonObject().values();
            case ARRAY -> v.asJsonArray();
            default -> null;
        };
        if (children == null) {
            return 0;
        }
        int deepest = 0;
        for (JsonValue child : children) {
            deepest = Math.max(deepest, depth(child));
        }
        return 1 + deepest;
    }

    private static String text(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v != null && v.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) v).getString() : null;
    }
}
