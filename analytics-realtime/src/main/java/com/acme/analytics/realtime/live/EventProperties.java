package com.acme.analytics.realtime.live;

import com.acme.analytics.domain.events.TrackedEvent;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;

/** An event's free-form properties ({@code metadata}) as JSON, and the few the push contracts read from them. */
public record EventProperties(JsonObject json) {

    private static final JsonProvider JSON = JsonProvider.provider();

    public static EventProperties of(TrackedEvent event) {
        try (var reader = JSON.createReader(new StringReader(event.metadataJson()))) {
            JsonValue v = reader.readValue();
            return new EventProperties(v.getValueType() == JsonValue.ValueType.OBJECT ? v.asJsonObject()
                    : JsonValue.EMPTY_JSON_OBJECT);
        } catch (JsonException e) {
            return new EventProperties(JsonValue.EMPTY_JSON_OBJECT);
        }
    }

    /** The first of the names present as a string or a number, as text; null when none is. */
    public String text(String... names) {
        for (String name : names) {
            JsonValue v = json.get(name);
            if (v instanceof JsonString s) {
                return s.getString();
            }
            if (v instanceof JsonNumber n) {
                return n.toString();
            }
        }
        return null;
    }

    /** The number under the name, or the fallback when it is absent or not a number. */
    public double number(String name, double fallback) {
        return json.get(name) instanceof JsonNumber n ? n.doubleValue() : fallback;
    }

    /** The value under the name, or null. */
    public JsonValue value(String name) {
        return json.get(name);
    }
}
