package com.acme.analytics.realtime.cluster;

import com.acme.analytics.domain.jobs.JobProgress;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.sql.SQLException;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Job states between instances, on the feed's listening connection but a channel of their own
 * ({@value #CHANNEL}): {@code {"n": origin, "w", "j", "k": kind, "s": stage, "p": progress, "m": message, "t": epoch
 * millis}}, without insights (a notification holds at most 8000 bytes; the receiver reads them from the database).
 * Not kept in the outbox: a follower who misses one gets the stored state when it subscribes, and the next one.
 */
final class JobNotices {

    static final String CHANNEL = "analytics_jobs";
    private static final Logger LOG = Logger.getLogger(JobNotices.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();

    private final NoticeSender sender;
    private final String origin;

    JobNotices(NoticeSender sender, String origin) {
        this.sender = sender;
        this.origin = origin;
    }

    /** Tells the other instances; never throws (a failure is logged). */
    void announce(JobProgress p) {
        String payload = JSON.createObjectBuilder().add("n", origin).add("w", p.workspaceId()).add("j", p.jobId())
                .add("k", p.kind().name()).add("s", p.stage()).add("p", p.progress()).add("m", p.message())
                .add("t", p.at().toEpochMilli()).build().toString();
        try {
            sender.send(CHANNEL, payload);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Job " + p.jobId() + "'s state was not announced to other instances", e);
        }
    }

    /** Another instance's notice, or null for this instance's own or one not of this format. */
    JobProgress heard(String payload) {
        try (var reader = JSON.createReader(new StringReader(payload))) {
            JsonObject o = reader.readObject();
            if (origin.equals(o.getString("n"))) {
                return null;
            }
            return new JobProgress(o.getString("w"), o.getString("j"), JobProgress.Kind.valueOf(o.getString("k")),
                    o.getString("s"), o.getInt("p"), o.getString("m"),
                    Instant.ofEpochMilli(o.getJsonNumber("t").longValueExact()), null);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "A notification on " + CHANNEL + " not of its format was skipped", e);
            return null;
        }
    }
}
