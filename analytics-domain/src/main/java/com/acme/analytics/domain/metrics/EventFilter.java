package com.acme.analytics.domain.metrics;

import java.util.Objects;
import java.util.Set;

/**
 * Which events a metric looks at: all of them, those of some types, or those whose type starts with a prefix
 * (such as {@code message.}).
 *
 * @param types  the types, empty for no restriction by name
 * @param prefix a type prefix, or null
 */
public record EventFilter(Set<String> types, String prefix) {

    public EventFilter {
        types = Set.copyOf(types);
        if (prefix != null && prefix.isEmpty()) {
            throw new IllegalArgumentException("an empty prefix filters nothing; use all()");
        }
        if (!types.isEmpty() && prefix != null) {
            throw new IllegalArgumentException("filter by types or by prefix, not both");
        }
    }

    public static EventFilter all() {
        return new EventFilter(Set.of(), null);
    }

    public static EventFilter types(String... types) {
        return new EventFilter(Set.of(types), null);
    }

    public static EventFilter prefix(String prefix) {
        return new EventFilter(Set.of(), Objects.requireNonNull(prefix));
    }

    public boolean isAll() {
        return types.isEmpty() && prefix == null;
    }

    /** Whether an event of this type passes the filter. */
    public boolean matches(String eventType) {
        if (prefix != null) {
            return eventType.startsWith(prefix);
        }
        return types.isEmpty() || types.contains(eventType);
    }
}
