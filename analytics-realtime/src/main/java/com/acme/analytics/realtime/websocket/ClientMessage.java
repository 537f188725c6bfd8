package com.acme.analytics.realtime.websocket;

import com.acme.analytics.realtime.hub.DashboardSubscription;
import com.acme.analytics.realtime.hub.MetricCategory;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A message from a dashboard client: {@code {"type": "...", "data": {...}}}. Reading never throws anything but
 * {@link Rejected}, whose code and message go back to the client as an {@code error}.
 *
 * @param type the message type, such as {@code subscribe}
 * @param data the payload, an empty object when absent
 * @param raw  the whole message, for contracts that put their fields at the top level ({@code integration_id})
 */
public record ClientMessage(String type, JsonObject data, JsonObject raw) {

    private static final JsonProvider JSON = JsonProvider.provider();

    public static ClientMessage read(String text) {
        return read(text, Integer.MAX_VALUE);
    }

    /** Reads a message of at most {@code maxChars} characters. */
    public static ClientMessage read(String text, int maxChars) {
        if (text.length() > maxChars) {
            throw new Rejected("message_too_large", "a message may hold at most " + maxChars + " characters");
        }
        JsonValue value;
        try (var reader = JSON.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (RuntimeException e) {
            // Parsson refuses input nested too deeply with a plain RuntimeException, not a JsonException.
            throw new Rejected("invalid_message", "not valid JSON: " + e.getMessage());
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new Rejected("invalid_message", "a message must be a JSON object with a 'type'");
        }
        JsonObject o = value.asJsonObject();
        JsonValue type = o.get("type");
        if (type == null || type.getValueType() != JsonValue.ValueType.STRING) {
            throw new Rejected("invalid_message", "'type' is required and must be a string");
        }
        JsonValue data = o.get("data");
        if (data != null && data.getValueType() != JsonValue.ValueType.OBJECT
                && data.getValueType() != JsonValue.ValueType.NULL) {
            throw new Rejected("invalid_message", "'data' must be an object");
        }
        return new ClientMessage(((JsonString) type).getString(),
                data == null || data.getValueType() == JsonValue.ValueType.NULL ? JsonValue.EMPTY_JSON_OBJECT
                        : data.asJsonObject(), o);
    }

    /**
     * An identifier field, at the top level or in {@code data}: a string, or an integer taken as its digits.
     *
     * @return null when absent
     */
    public String id(String name, int maxLength) {
        JsonValue v = raw.containsKey(name) ? raw.get(name) : data.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        String id;
        if (v instanceof JsonString s && !s.getString().isBlank()) {
            id = s.getString();
        } else if (v instanceof JsonNumber n && n.isIntegral()) {
            id = n.bigIntegerValue().toString();
        } else {
            throw new Rejected("invalid_message", "'" + name + "' must be a non-blank string or an integer");
        }
        if (id.length() > maxLength) {
            throw new Rejected("invalid_message", "'" + name + "' may hold at most " + maxLength + " characters");
        }
        return id;
    }

    /**
     * The subscription a {@code subscribe} message asks for. 004's client names no workspace: the credential does.
     *
     * @param credentialWorkspace the workspace of the caller's credential, used when {@code data.organizationId}
     *                            (or {@code workspaceId}) is absent; null for a credential of no workspace
     */
    public DashboardSubscription subscription(String credentialWorkspace) {
        String workspaceId = text("organizationId");
        if (workspaceId == null) {
            workspaceId = text("workspaceId");
        }
        if (workspaceId == null) {
            workspaceId = credentialWorkspace;
        }
        if (workspaceId == null || workspaceId.isBlank()) {
            throw new Rejected("invalid_subscription",
                    "data.organizationId is required: this credential belongs to no workspace");
        }
        Set<MetricCategory> metrics = EnumSet.noneOf(MetricCategory.class);
        for (String name : strings("metrics")) {
            metrics.add(MetricCategory.fromWire(name).orElseThrow(() -> new Rejected("invalid_subscription",
                    "data.metrics: unknown category '" + name + "'; expected any of " + MetricCategory.WIRE_NAMES)));
        }
        return new DashboardSubscription(workspaceId, metrics, strings("events"), flag("notifications"),
                flag("real_time_updates"));
    }

    /**
     * The last event sequence the client saw, from {@code data.lastSequence} (or {@code last_sequence}); -1 when
     * absent: live events only.
     */
    public long lastSequence() {
        for (String name : new String[] {"lastSequence", "last_sequence"}) {
            JsonValue v = data.get(name);
            if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            if (!(v instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 0) {
                throw new Rejected("invalid_subscription", "data." + name + " must be a non-negative integer");
            }
            return n.longValue();
        }
        return -1;
    }

    private String text(String name) {
        JsonValue v = data.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw new Rejected("invalid_subscription", "data." + name + " must be a string");
        }
        return ((JsonString) v).getString();
    }

    private Set<String> strings(String name) {
        JsonValue v = data.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return Set.of();
        }
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new Rejected("invalid_subscription", "data." + name + " must be an array of strings");
        }
        Set<String> out = new LinkedHashSet<>();
        for (JsonValue item : (JsonArray) v) {
            if (item.getValueType() != JsonValue.ValueType.STRING) {
                throw new Rejected("invalid_subscription", "data." + name + " must be an array of strings");
            }
            out.add(((JsonString) item).getString());
        }
        return out;
    }

    private boolean flag(String name) {
        JsonValue v = data.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return true;
        }
        if (v.getValueType() != JsonValue.ValueType.TRUE && v.getValueType() != JsonValue.ValueType.FALSE) {
            throw new Rejected("invalid_subscription", "data." + name + " must be true or false");
        }
        return v.getValueType() == JsonValue.ValueType.TRUE;
    }

    /** A message the server cannot act on; the connection stays open. */
    public static class Rejected extends RuntimeException {
        private final String code;

        public Rejected(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
