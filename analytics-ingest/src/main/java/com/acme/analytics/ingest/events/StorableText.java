package com.acme.analytics.ingest.events;

import com.acme.analytics.domain.events.FieldViolation;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Map;

/**
 * Text that PostgreSQL can store. A {@code text} or {@code jsonb} value cannot hold U+0000, and {@code jsonb} refuses
 * an unpaired surrogate escape ({@code \ud800}); such an event would make the database refuse the whole statement
 * it is written in, so it is refused here, naming the field, before it reaches the write path.
 */
public final class StorableText {

    private StorableText() {
    }

    /** @return what is wrong with the text for storing, or null when it can be stored */
    public static String problem(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return "holds U+0000 (NUL), which cannot be stored";
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "holds an unpaired surrogate (U+" + Integer.toHexString(c).toUpperCase() + ") at character "
                        + i + ", which is not valid Unicode";
            }
        }
        return null;
    }

    /**
     * Adds a violation for each string of the tree (object keys included) that cannot be stored.
     *
     * @param path the value's path, such as {@code event.metadata}; members and elements extend it
     */
    public static void check(JsonValue value, String path, List<FieldViolation> violations) {
        switch (value.getValueType()) {
            case STRING -> {
                String problem = problem(((JsonString) value).getString());
                if (problem != null) {
                    violations.add(new FieldViolation(path, problem));
                }
            }
            case OBJECT -> {
                for (Map.Entry<String, JsonValue> member : value.asJsonObject().entrySet()) {
                    String problem = problem(member.getKey());
                    if (problem != null) {
                        violations.add(new FieldViolation(path, "a key " + problem));
                    } else {
                        check(member.getValue(), path + "." + member.getKey(), violations);
                    }
                }
            }
            case ARRAY -> {
                List<JsonValue> elements = value.asJsonArray();
                for (int i = 0; i < elements.size(); i++) {
                    check(elements.get(i), path + "[" + i + "]", violations);
                }
            }
            default -> {
                // numbers, booleans and null are stored as given
            }
        }
    }
}
