package com.acme.analytics.ingest.sync.connectors;

import com.acme.analytics.ingest.sync.ProviderException;
import com.acme.analytics.ingest.sync.SyncSink.ProviderEvent;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonPointer;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A custom source's mapping, by RFC 6901 JSON Pointers (Jakarta JSON-P's {@link JsonPointer}): {@code metrics}
 * names each metric's number, {@code events} an array of events and, within each, its {@code id}, {@code type},
 * {@code timestamp} and {@code data}.
 */
final class PointerMapping {

    private static final JsonProvider JSON = JsonProvider.provider();

    private final Map<String, JsonPointer> metrics;
    private final JsonPointer events;
    private final JsonPointer id;
    private final JsonPointer type;
    private final JsonPointer timestamp;
    private final JsonPointer data;

    private PointerMapping(Map<String, JsonPointer> metrics, JsonPointer events, JsonPointer id, JsonPointer type,
                           JsonPointer timestamp, JsonPointer data) {
        this.metrics = metrics;
        this.events = events;
        this.id = id;
        this.type = type;
        this.timestamp = timestamp;
        this.data = data;
    }

    /** Reads {@code config.metrics} and {@code config.events}; records what is wrong by field path. */
    static PointerMapping read(JsonObject config, Map<String, String> wrong) {
        Map<String, JsonPointer> metrics = new LinkedHashMap<>();
        JsonValue m = config.get("metrics");
        if (m instanceof JsonObject o) {
            o.forEach((name, pointer) -> {
                JsonPointer p = pointer(pointer, "config.metrics." + name, wrong);
                if (p != null) {
                    metrics.put(name, p);
                }
            });
        } else if (m != null) {
            wrong.put("config.metrics", "must be an object of metric name to JSON Pointer");
        }
        JsonValue e = config.get("events");
        JsonPointer events = null;
        JsonObject ev = JsonValue.EMPTY_JSON_OBJECT;
        if (e instanceof JsonObject o) {
            ev = o;
            events = pointer(o.getOrDefault("path", null), "config.events.path", wrong);
        } else if (e != null) {
            wrong.put("config.events", "must be an object: path (to an array), id, type, timestamp, data");
        }
        if (m == null && e == null) {
            wrong.put("config.metrics", "is required (or config.events): metric name to JSON Pointer");
        }
        return new PointerMapping(metrics, events, optional(ev, "id", null, wrong),
                optional(ev, "type", "/type", wrong), optional(ev, "timestamp", "/timestamp", wrong),
                optional(ev, "data", "/data", wrong));
    }

    private static JsonPointer optional(JsonObject events, String field, String fallback, Map<String, String> wrong) {
        JsonValue v = events.get(field);
        if (v == null) {
            return fallback == null ? null : JSON.createPointer(fallback);
        }
        return pointer(v, "config.events." + field, wrong);
    }

    private static JsonPointer pointer(JsonValue v, String path, Map<String, String> wrong) {
        if (v instanceof JsonString s) {
            try {
                return JSON.createPointer(s.getString());
            } catch (JsonException ex) {
                wrong.put(path, "is not a JSON Pointer (RFC 6901, such as /stats/total): " + s.getString());
                return null;
            }
        }
        wrong.put(path, v == null ? "is required: a JSON Pointer" : "must be a JSON Pointer string");
        return null;
    }

    /** Each mapped metric's value in the answer. */
    Map<String, Double> metrics(JsonStructure answer) throws ProviderException {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonPointer> e : metrics.entrySet()) {
            JsonValue v = at(answer, e.getValue(), "metric " + e.getKey());
            values.put(e.getKey(), number(v, "metric " + e.getKey()));
        }
        return values;
    }

    /** The mapped events of the answer; none when no events are mapped. */
    List<ProviderEvent> events(JsonStructure answer, Instant now) throws ProviderException {
        if (events == null) {
            return List.of();
        }
        JsonValue array = at(answer, events, "events");
        if (!(array instanceof JsonArray list)) {
            throw new ProviderException(ProviderException.Kind.MALFORMED, "the events pointer does not name an array");
        }
        List<ProviderEvent> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof JsonObject item)) {
                throw new ProviderException(ProviderException.Kind.MALFORMED, "event " + i + " is not an object");
            }
            String eventId = id == null ? digest(item.toString()) : text(at(item, id, "event " + i + " id"));
            String eventType = text(at(item, type, "event " + i + " type"));
            Instant at = instant(optionalAt(item, timestamp), now, i);
            JsonValue payload = optionalAt(item, data);
            out.add(new ProviderEvent(eventId, eventType, at,
                    payload instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT));
        }
        return out;
    }

    private static JsonValue at(JsonStructure answer, JsonPointer pointer, String what) throws ProviderException {
        try {
            return pointer.getValue(answer);
        } catch (JsonException e) {
            throw new ProviderException(ProviderException.Kind.MALFORMED, "the answer has no " + what + " at "
                    + pointer, null, e);
        }
    }

    private static JsonValue optionalAt(JsonStructure item, JsonPointer pointer) {
        return pointer.containsValue(item) ? pointer.getValue(item) : null;
    }

    static double number(JsonValue v, String what) throws ProviderException {
        if (v instanceof JsonNumber n) {
            return n.doubleValue();
        }
        if (v instanceof JsonString s) {
            try {
                return Double.parseDouble(s.getString());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new ProviderException(ProviderException.Kind.MALFORMED, what + " is not a number: " + v);
    }

    private static String text(JsonValue v) {
        return v instanceof JsonString s ? s.getString() : v.toString();
    }

    /** ISO-8601 text, or epoch seconds (or milliseconds, when that large) as a number; else the sync's time. */
    private static Instant instant(JsonValue v, Instant now, int index) throws ProviderException {
        if (v == null || v == JsonValue.NULL) {
            return now;
        }
        if (v instanceof JsonNumber n) {
            return epoch(n.longValue());
        }
        try {
            return Instant.parse(text(v));
        } catch (DateTimeParseException e) {
            throw new ProviderException(ProviderException.Kind.MALFORMED, "event " + index
                    + " has a timestamp that is neither ISO-8601 nor epoch seconds: " + v);
        }
    }

    /** Epoch seconds, or milliseconds when the number is too large to be seconds of this era. */
    static Instant epoch(long value) {
        return value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }

    static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
