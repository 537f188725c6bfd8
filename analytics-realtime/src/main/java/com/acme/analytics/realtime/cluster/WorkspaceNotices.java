package com.acme.analytics.realtime.cluster;

import com.acme.analytics.domain.database.DirectConnections;
import com.acme.analytics.realtime.live.WorkspaceNotice;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Notifications for dashboards between instances, on the feed's listening connection but a channel of their own
 * ({@value #CHANNEL}): {@code {"n": origin, "w": workspace, "d": data}}. Not kept in the outbox: an alert's
 * notification is also in its history, which a dashboard that was away reads.
 */
final class WorkspaceNotices {

    static final String CHANNEL = "analytics_notices";
    private static final Logger LOG = Logger.getLogger(WorkspaceNotices.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();

    private final DirectConnections connections;
    private final String origin;
    /** Guarded by this. */
    private Connection connection;

    WorkspaceNotices(DirectConnections connections, String origin) {
        this.connections = connections;
        this.origin = origin;
    }

    /** Tells the other instances; never throws (a failure is logged). */
    synchronized void announce(WorkspaceNotice notice) {
        String payload;
        try (var reader = JSON.createReader(new StringReader(notice.data()))) {
            payload = JSON.createObjectBuilder().add("n", origin).add("w", notice.workspaceId())
                    .add("d", reader.readObject()).build().toString();
        }
        try {
            if (connection == null) {
                connection = connections.open("analytics-notices");
            }
            try (PreparedStatement ps = connection.prepareStatement("select pg_notify(?, ?)")) {
                ps.setString(1, CHANNEL);
                ps.setString(2, payload);
                ps.execute();
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "A notification of workspace " + notice.workspaceId()
                    + " was not announced to other instances", e);
            close();
        }
    }

    /** Another instance's notice, or null for this instance's own or one not of this format. */
    WorkspaceNotice heard(String payload) {
        try (var reader = JSON.createReader(new StringReader(payload))) {
            JsonObject o = reader.readObject();
            if (origin.equals(o.getString("n"))) {
                return null;
            }
            return new WorkspaceNotice(o.getString("w"), o.getJsonObject("d").toString());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "A notification on " + CHANNEL + " not of its format was skipped", e);
            return null;
        }
    }

    synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.log(Level.FINE, "Closing the notices' connection", e);
            }
            connection = null;
        }
    }
}
