package com.acme.analytics.domain.database;

import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The one place that opens database connections outside the container's pool. Two kinds of work need them: the
 * committer of ingest (its last flush runs after the application's pool is gone at shutdown) and the live feed (its
 * listening connection is held for good, and {@code LISTEN} is not for a pooled connection that others reuse).
 * Each connection shows in {@code pg_stat_activity} under the name it was opened with.
 *
 * <p>Thread-safe; the connections it returns are not, and belong to the caller, who closes them.
 */
public final class DirectConnections {

    private final PGSimpleDataSource source = new PGSimpleDataSource();

    public DirectConnections(DatabaseSettings settings) {
        source.setURL(settings.url());
        source.setUser(settings.user());
        source.setPassword(settings.password());
    }

    /**
     * A new connection in auto-commit mode.
     *
     * @param applicationName how the connection shows in {@code pg_stat_activity}
     */
    public Connection open(String applicationName) throws SQLException {
        Connection connection = source.getConnection();
        try {
            connection.setClientInfo("ApplicationName", applicationName);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
