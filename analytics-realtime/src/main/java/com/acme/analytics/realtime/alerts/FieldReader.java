package com.acme.analytics.realtime.alerts;

import com.acme.analytics.domain.events.FieldViolation;
import com.acme.analytics.domain.events.InvalidInputException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fields of a JSON body and collects what is wrong with them instead of stopping at the first, so that
 * one answer names every bad field. Not thread-safe: one per body.
 */
final class FieldReader {

    private final List<FieldViolation> violations = new ArrayList<>();

    /** The string at {@code key}, or null (refused as {@code at} when required, or when not a string). */
    String text(JsonObject o, String key, String at, boolean required) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            if (required) {
                refuse(at, "is required");
            }
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        refuse(at, "must be a string");
        return null;
    }

    /** The required number at {@code key}, or null (refused as {@code at}). */
    Double number(JsonObject o, String key, String at) {
        JsonValue v = o.get(key);
        if (v instanceof JsonNumber n) {
            return n.doubleValue();
        }
        refuse(at, v == null ? "is required" : "must be a number");
        return null;
    }

    void refuse(String field, String message) {
        violations.add(new FieldViolation(field, message));
    }

    /** Throws InvalidInputException naming every refused field, if any was. */
    void throwIfRefused() {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
