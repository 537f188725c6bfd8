package com.acme.analytics.realtime.cluster;

import com.acme.analytics.domain.database.DirectConnections;
import com.acme.analytics.domain.logging.ThrottledLog;
import com.acme.analytics.metrics.RemoteEvents;
import com.acme.analytics.realtime.live.SequencedEvent;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The listening end of the feed, on a thread and a connection of its own. Whenever it (re)connects it first listens,
 * then reads from the outbox what came after the last sequence it delivered, and afterwards skips notifications at
 * or below that sequence: events published while its connection was down reach its clients late but in order, and
 * none twice. Its own instance's notifications are taken from {@link OwnEvents} instead of being decoded; a
 * notification not of the feed's format is skipped (and logged, at most once a minute).
 *
 * <p>Events stored elsewhere reach this instance's live metrics ({@link RemoteEvents}) before its clients hear of
 * them. While not listening those metrics are told so, and when it listens again: the outbox replays events to
 * clients, not to the metrics, which answer from the database until they have seen a whole window again.
 */
final class FeedListener implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FeedListener.class.getName());
    /** How the listening connection shows in {@code pg_stat_activity}. */
    static final String NAME = "analytics-live-listener";
    private static final String UNDEFINED_TABLE = "42P01";
    private static final long RECONNECT_PAUSE_MS = 1000;

    private final DirectConnections connections;
    private final String origin;
    private final OwnEvents own;
    private final Consumer<List<SequencedEvent>> dispatcher;
    private final RemoteEvents remote;
    private final Thread thread;
    /** Hears the notices of the other channels ({@link JobNotices#CHANNEL}, {@link WorkspaceNotices#CHANNEL}). */
    private final BiConsumer<String, String> notices;
    private volatile boolean running = true;
    /** The highest sequence delivered (or known of when it first listened); the listening thread only. */
    private long lastSequence = -1;
    /** Warns of notifications skipped as malformed at most once a minute. */
    private final ThrottledLog malformedLog = new ThrottledLog(LOG, 60_000);

    /**
     * @param origin     names this instance in its own notifications
     * @param dispatcher hands events, in sequence order, to live delivery
     */
    FeedListener(DirectConnections connections, String origin, OwnEvents own,
                 Consumer<List<SequencedEvent>> dispatcher, RemoteEvents remote, ThreadFactory threads,
                 BiConsumer<String, String> notices) {
        this.notices = notices;
        this.connections = connections;
        this.origin = origin;
        this.own = own;
        this.dispatcher = dispatcher;
        this.remote = remote;
        this.thread = threads.newThread(this::listen);
        thread.setName("analytics-event-feed");
        thread.setDaemon(true);
    }

    void start() {
        remote.interrupted();
        thread.start();
    }

    private void listen() {
        while (running) {
            try (Connection con = connections.open(NAME)) {
                try (Statement st = con.createStatement()) {
                    if (lastSequence < 0) {
                        lastSequence = newestKept(st);
                    }
                    st.execute("listen " + PostgresEventFeed.CHANNEL);
                    st.execute("listen " + JobNotices.CHANNEL);
                    st.execute("listen " + WorkspaceNotices.CHANNEL);
                }
                FeedCodec.MetadataSource metadata = (w, id) -> storedMetadata(con, w, id);
                catchUp(con, metadata);
                remote.listening(Instant.now());
                PGConnection pg = con.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            if (!PostgresEventFeed.CHANNEL.equals(n.getName())) {
                                notices.accept(n.getName(), n.getParameter());
                            } else {
                                hear(n.getParameter(), metadata);
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                remote.interrupted();
                if (running) {
                    // The feed starts with the application, which may be before the schema migration created the
                    // outbox: expected once, not worth a warning.
                    LOG.log(UNDEFINED_TABLE.equals(e.getSQLState()) ? Level.FINE : Level.WARNING,
                            "Listening for live events failed; retrying in " + RECONNECT_PAUSE_MS + " ms", e);
                    pause();
                }
            }
        }
    }

    /** Delivers what one notification carries, if it is new; skips it if it is not of the feed's format. */
    void hear(String payload, FeedCodec.MetadataSource metadata) throws SQLException {
        try {
            FeedCodec.Header header = FeedCodec.header(payload);
            if (header.origin().equals(origin)) {
                List<SequencedEvent> mine = own.take(header);
                if (mine != null) {
                    deliver(mine, false);
                    return;
                }
            }
            deliver(FeedCodec.decode(payload, metadata).events(), !header.origin().equals(origin));
        } catch (MalformedNotificationException e) {
            skipped(e);
        }
    }

    private void skipped(MalformedNotificationException e) {
        malformedLog.log(Level.WARNING, "A notification on channel " + PostgresEventFeed.CHANNEL
                + " not of the feed's format was skipped: " + e.getMessage(), null);
    }

    private static long newestKept(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("select coalesce(max(last_sequence), 0) from realtime_outbox")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Delivers what the outbox holds after the last sequence delivered: what was announced while not listening. */
    private void catchUp(Connection con, FeedCodec.MetadataSource metadata) throws SQLException {
        List<String> payloads = new ArrayList<>();
        try (PreparedStatement ps = con.prepareStatement(
                "select payload from realtime_outbox where last_sequence > ? order by last_sequence")) {
            ps.setLong(1, lastSequence);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    payloads.add(rs.getString(1));
                }
            }
        }
        List<SequencedEvent> missed = new ArrayList<>();
        for (String payload : payloads) {
            try {
                missed.addAll(FeedCodec.decode(payload, metadata).events());
            } catch (MalformedNotificationException e) {
                skipped(e);
            }
        }
        if (!missed.isEmpty()) {
            LOG.info("Replaying " + missed.size() + " live events announced while not listening");
            deliver(missed, false);
        }
    }

    /**
     * Delivers the events after the last sequence delivered, in order; the others were delivered already.
     *
     * @param storedElsewhere whether another instance stored them: this instance's live metrics recorded its own
     *                        as they were stored, and must learn of the others' before clients are told
     */
    private void deliver(List<SequencedEvent> events, boolean storedElsewhere) {
        List<SequencedEvent> fresh = events.stream().filter(e -> e.sequence() > lastSequence).toList();
        if (fresh.isEmpty()) {
            return;
        }
        if (storedElsewhere) {
            remote.stored(fresh.stream().map(SequencedEvent::event).toList());
        }
        lastSequence = fresh.get(fresh.size() - 1).sequence();
        own.deliveredUpTo(lastSequence);
        try {
            dispatcher.accept(fresh);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Live delivery of " + fresh.size() + " events failed", e);
        }
    }

    private static String storedMetadata(Connection con, String workspaceId, String eventId) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(
                "select metadata::text from raw_event where workspace_id = ? and event_id = ?")) {
            ps.setString(1, workspaceId);
            ps.setString(2, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "{}";
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
