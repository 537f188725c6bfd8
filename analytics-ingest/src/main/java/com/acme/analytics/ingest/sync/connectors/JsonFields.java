package com.acme.analytics.ingest.sync.connectors;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/** The checks connectors share when validating a config: required texts, URLs, whole numbers. */
final class JsonFields {

    private JsonFields() {
    }

    /** Records a message when {@code object.field} is not a non-blank string; answers the string or null. */
    static String requiredText(JsonObject object, String field, String path, Map<String, String> wrong) {
        JsonValue v = object.get(field);
        if (v instanceof JsonString s && !s.getString().isBlank()) {
            return s.getString();
        }
        wrong.put(path, v == null ? "is required" : "must be a non-blank string");
        return null;
    }

    /** The http(s) URL at {@code field}, else {@code fallback}; records a message when it is not one. */
    static URI url(JsonObject object, String field, String fallback, String path, Map<String, String> wrong) {
        JsonValue v = object.get(field);
        if (v == null) {
            return fallback == null ? missing(path, wrong) : URI.create(fallback);
        }
        if (v instanceof JsonString s) {
            try {
                URI uri = new URI(s.getString().strip());
                if (uri.isAbsolute() && uri.getHost() != null
                        && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // reported below
            }
        }
        wrong.put(path, "must be an absolute http or https URL");
        return null;
    }

    private static URI missing(String path, Map<String, String> wrong) {
        wrong.put(path, "is required: an absolute http or https URL");
        return null;
    }

    /** A positive whole number given as a number or a string of digits (Mixpanel's project ids), else null. */
    static Long positiveWhole(JsonValue v) {
        if (v instanceof JsonNumber n && n.isIntegral() && n.longValue() > 0) {
            return n.longValue();
        }
        if (v instanceof JsonString s && s.getString().matches("[1-9][0-9]{0,17}")) {
            return Long.parseLong(s.getString());
        }
        return null;
    }

    /** The base URL without a trailing slash, so that paths append cleanly. */
    static String base(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
