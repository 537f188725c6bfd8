package com.acme.analytics.domain.database;

import java.util.Objects;

/**
 * Where the database is and whom to connect as: the keys {@code analytics.db.url}, {@code analytics.db.user} and
 * {@code analytics.db.password}, read once by {@link DatabaseConfiguration}. The container's pool reads the same keys
 * through the placeholders of its {@code @DataSourceDefinition} (an annotation takes no object), so these three keys
 * name the database for both.
 *
 * @param url      a {@code jdbc:postgresql:} URL
 * @param user     the database user
 * @param password the user's password, empty for none; never shown by {@link #toString()}
 */
public record DatabaseSettings(String url, String user, String password) {

    private static final String SCHEME = "jdbc:postgresql:";

    public DatabaseSettings {
        Objects.requireNonNull(url, "analytics.db.url");
        Objects.requireNonNull(user, "analytics.db.user");
        if (!url.startsWith(SCHEME)) {
            // Refused at start, so that a wrong URL fails the deployment rather than every write.
            throw new IllegalArgumentException("analytics.db.url must start with " + SCHEME + ", not '" + url + "'");
        }
        password = password == null ? "" : password;
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + "]";
    }
}
