package com.acme.analytics.domain.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The campaign event types of the ingest contract, by their wire names. */
public enum EventType {
    IMPRESSION, CLICK, CONVERSION, VIEW, ENGAGEMENT, COMPLETION, SKIP;

    /** The names a client may send, for error messages. */
    public static final String WIRE_NAMES = Arrays.stream(values())
            .map(EventType::wireName).collect(Collectors.joining(", "));

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EventType> fromWire(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
    }
}
