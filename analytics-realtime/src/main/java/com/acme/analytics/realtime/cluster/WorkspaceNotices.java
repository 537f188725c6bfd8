package com.acme.analytics.realtime.cluster;

import com.acme.analytics.realtime.live.WorkspaceNotice;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Notifications for dashboards between instances, on the feed's listening connection but a channel of their own
 * ({@value #CHANNEL}): {@code {"n": origin, "w": workspace, "a": admins only, "d": data}}. Not kept in the outbox: an alert's
 * notification is also in its history, which a dashboard that was away reads.
 */
final class WorkspaceNotices {

    static final String CHANNEL = "analytics_notices";
    private static final Logger LOG = Logger.getLogger(WorkspaceNotices.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();

    private final NoticeSender sender;
    private final String origin;

    WorkspaceNotices(NoticeSender sender, String origin) {
        this.sender = sender;
        this.origin = origin;
    }

    /** Tells the other instances; never throws (a failure is logged). */
    void announce(WorkspaceNotice notice) {
        String payload;
        try (var reader = JSON.createReader(new StringReader(notice.data()))) {
            payload = JSON.createObjectBuilder().add("n", origin).add("w", notice.workspaceId())
                    .add("a", notice.adminsOnly()).add("d", reader.readObject()).build().toString();
        }
        try {
            sender.send(CHANNEL, payload);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "A notification of workspace " + notice.workspaceId()
                    + " was not announced to other instances", e);
        }
    }

    /** Another instance's notice, or null for this instance's own or one not of this format. */
    WorkspaceNotice heard(String payload) {
        try (var reader = JSON.createReader(new StringReader(payload))) {
            JsonObject o = reader.readObject();
            if (origin.equals(o.getString("n"))) {
                return null;
            }
            return new WorkspaceNotice(o.getString("w"), o.getJsonObject("d").toString(), o.getBoolean("a", false));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "A notification on " + CHANNEL + " not of its format was skipped", e);
            return null;
        }
    }
}
