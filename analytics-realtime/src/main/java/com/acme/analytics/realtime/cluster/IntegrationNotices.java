package com.acme.analytics.realtime.cluster;

import com.acme.analytics.domain.integrations.IntegrationSynced;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends of provider syncs between instances ({@value #CHANNEL}): {@code {"n": origin, "w", "i": integration id,
 * "e": error or absent}}, so that the clients of an integration on every instance get the {@code analytics_update}
 * (or {@code error}) of a sync that ran elsewhere. The receiver reads the figures from the database; a notice lost
 * while a listener reconnects leaves its clients with the next one.
 */
final class IntegrationNotices {

    static final String CHANNEL = "analytics_integrations";
    private static final Logger LOG = Logger.getLogger(IntegrationNotices.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();
    /** pg_notify takes at most 8000 bytes; an error message is cut well below that. */
    static final int MAX_ERROR_CHARS = 2000;

    private final NoticeSender sender;
    private final String origin;

    IntegrationNotices(NoticeSender sender, String origin) {
        this.sender = sender;
        this.origin = origin;
    }

    /** Tells the other instances; never throws (a failure is logged). */
    void announce(IntegrationSynced s) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("n", origin).add("w", s.workspaceId())
                .add("i", s.integrationId());
        if (!s.succeeded()) {
            b.add("e", s.error().length() > MAX_ERROR_CHARS ? s.error().substring(0, MAX_ERROR_CHARS) : s.error());
        }
        try {
            sender.send(CHANNEL, b.build().toString());
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "The sync of integration " + s.integrationId() + " was not announced to other"
                    + " instances", e);
        }
    }

    /** Another instance's notice, or null for this instance's own or one not of this format. */
    IntegrationSynced heard(String payload) {
        try (var reader = JSON.createReader(new StringReader(payload))) {
            JsonObject o = reader.readObject();
            if (origin.equals(o.getString("n"))) {
                return null;
            }
            return new IntegrationSynced(o.getString("w"), o.getJsonNumber("i").longValueExact(),
                    o.getString("e", null));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "A notification on " + CHANNEL + " not of its format was skipped", e);
            return null;
        }
    }
}
