package com.acme.analytics.domain.metrics;

import java.util.Objects;

/**
 * What a distinct count counts: users (the user id, else the session id), sessions, campaigns, or the values of a
 * metadata property (such as {@code channelId}).
 *
 * @param kind     which of them
 * @param property the metadata property, only for {@link Kind#PROPERTY}
 */
public record Subject(Kind kind, String property) {

    public enum Kind { USER, SESSION, CAMPAIGN, PROPERTY }

    public static final Subject USER = new Subject(Kind.USER, null);
    public static final Subject SESSION = new Subject(Kind.SESSION, null);
    public static final Subject CAMPAIGN = new Subject(Kind.CAMPAIGN, null);

    public Subject {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.PROPERTY) != (property != null && !property.isBlank())) {
            throw new IllegalArgumentException("a property subject needs a property name, and only it has one");
        }
    }

    public static Subject property(String name) {
        return new Subject(Kind.PROPERTY, name);
    }
}
