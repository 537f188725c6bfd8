package com.acme.analytics.web;

import com.acme.analytics.domain.events.InvalidInputException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The small JSON object of an administration or control request (workspaces, tokens, the simulator), read whole
 * but refused with 413 as soon as it passes its limit ({@value #MAX_BYTES} bytes unless the caller names another).
 */
public final class SmallJsonBody {

    static final int MAX_BYTES = 4096;
    private static final JsonProvider JSON = JsonProvider.provider();

    private final JsonObject object;

    private SmallJsonBody(JsonObject object) {
        this.object = object;
    }

    /** An empty body reads as an empty object. */
    public static SmallJsonBody read(InputStream body) {
        byte[] bytes = bytes(body, MAX_BYTES);
        return new SmallJsonBody(bytes.length == 0 ? JsonValue.EMPTY_JSON_OBJECT : parse(bytes, "must be a JSON object"));
    }

    /**
     * @param mustBe the message when the body is JSON but not an object
     * @throws InvalidInputException when the body is not a JSON object (an empty one included)
     */
    public static JsonObject object(InputStream body, int maxBytes, String mustBe) {
        return parse(bytes(body, maxBytes), mustBe);
    }

    private static byte[] bytes(InputStream body, int maxBytes) {
        byte[] bytes;
        try {
            bytes = body.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new InvalidInputException("body", "could not be read");
        }
        if (bytes.length > maxBytes) {
            throw new WebApplicationException("The request body is larger than " + maxBytes + " bytes",
                    Response.Status.REQUEST_ENTITY_TOO_LARGE);
        }
        return bytes;
    }

    private static JsonObject parse(byte[] bytes, String mustBe) {
        JsonValue value;
        try (var reader = JSON.createReader(new ByteArrayInputStream(bytes))) {
            value = reader.readValue();
        } catch (RuntimeException e) {
            // Parsson refuses input nested too deeply with a plain RuntimeException, not a JsonException.
            throw new InvalidInputException("body", "malformed JSON");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException("body", mustBe);
        }
        return value.asJsonObject();
    }

    /** A required string of 1 to {@code max} characters. */
    public String text(String field, int max) {
        JsonValue v = object.get(field);
        if (v == null || v.getValueType() != JsonValue.ValueType.STRING || ((JsonString) v).getString().isBlank()) {
            throw new InvalidInputException(field, "is required and must be a non-empty string");
        }
        String s = ((JsonString) v).getString().strip();
        if (s.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters");
        }
        return s;
    }

    /** A whole number from 1 to {@code max}, or {@code fallback} when absent. */
    public long whole(String field, long max, long fallback) {
        JsonValue v = object.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return fallback;
        }
        if (v.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) v).isIntegral()
                || ((JsonNumber) v).bigDecimalValue().compareTo(java.math.BigDecimal.ONE) < 0
                || ((JsonNumber) v).bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
            throw new InvalidInputException(field, "must be a whole number from 1 to " + max);
        }
        return ((JsonNumber) v).longValueExact();
    }
}
