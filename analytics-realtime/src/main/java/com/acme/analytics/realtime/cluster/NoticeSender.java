package com.acme.analytics.realtime.cluster;

import com.acme.analytics.domain.database.DirectConnections;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Sends short notices to the other instances with {@code pg_notify} on a connection of its own, opened when first
 * needed and again after a failure. Notices are not kept: a listener that misses one reads the stored state.
 */
final class NoticeSender {

    private final DirectConnections connections;
    private final String name;
    /** Guarded by this. */
    private Connection connection;

    /** @param name how the connection shows in {@code pg_stat_activity} */
    NoticeSender(DirectConnections connections, String name) {
        this.connections = connections;
        this.name = name;
    }

    /** Sends one notice; on failure the connection is dropped (the next notice opens another) and it throws. */
    synchronized void send(String channel, String payload) throws SQLException {
        try {
            if (connection == null) {
                connection = connections.open(name);
            }
            try (PreparedStatement ps = connection.prepareStatement("select pg_notify(?, ?)")) {
                ps.setString(1, channel);
                ps.setString(2, payload);
                ps.execute();
            }
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                java.util.logging.Logger.getLogger(NoticeSender.class.getName()).log(java.util.logging.Level.FINE,
                        "Closing the notices' connection", e);
            }
            connection = null;
        }
    }
}
