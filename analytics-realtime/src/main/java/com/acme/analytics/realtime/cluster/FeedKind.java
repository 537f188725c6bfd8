package com.acme.analytics.realtime.cluster;

import com.acme.analytics.domain.config.ConfigChoice;

/** How stored events reach live clients ({@code analytics.realtime.cluster-feed}). */
public enum FeedKind {
    /** LISTEN/NOTIFY on the database: every instance on it delivers every event. */
    POSTGRES,
    /** Within this instance only. */
    LOCAL;

    /** From configuration: {@code postgres} or {@code local}; anything else fails the deployment. */
    public static FeedKind of(String value) {
        return ConfigChoice.of(FeedKind.class, value);
    }
}
