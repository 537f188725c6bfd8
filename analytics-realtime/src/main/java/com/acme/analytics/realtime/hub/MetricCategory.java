package com.acme.analytics.realtime.hub;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The metric categories a dashboard may subscribe to, by their wire names. */
public enum MetricCategory {
    DASHBOARD, SOCIAL_MEDIA, CAMPAIGNS, LEADS, SYSTEM_HEALTH, AI_AGENTS;

    public static final String WIRE_NAMES = Arrays.stream(values())
            .map(MetricCategory::wireName).collect(Collectors.joining(", "));

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MetricCategory> fromWire(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName().equals(name)).findFirst();
    }
}
