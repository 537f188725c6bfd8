package com.acme.analytics.realtime.cluster;

import com.acme.analytics.domain.database.DirectConnections;
import com.acme.analytics.domain.events.TrackedEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The publishing end of the feed: takes the next sequences and sends the events as notifications in one transaction,
 * under a transaction-scoped advisory lock, so that notifications are delivered in sequence order to every listening
 * instance, and sequences grow in commit order (nothing committed later can carry a lower sequence). The same
 * transaction keeps each notification in the {@code realtime_outbox} table for the outbox retention, for a listener
 * that was not connected when it was sent.
 */
final class FeedPublisher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FeedPublisher.class.getName());
    private static final long ORDER_LOCK = 7_311_984_205_511L;
    private static final long PRUNE_EVERY_NANOS = 10_000_000_000L;
    /** How the publishing connection shows in {@code pg_stat_activity}. */
    static final String NAME = "analytics-live-publisher";

    private final DirectConnections connections;
    private final String origin;
    private final long outboxRetentionSeconds;
    private final OwnEvents own;
    /**
     * Guards the connection. Fair, so that announcements waiting for it go in the order they arrived and a later
     * flush never takes lower sequences than an earlier one, whoever calls (the ingest side announces from one
     * thread in commit order, but the feed does not rely on it).
     */
    private final ReentrantLock publishing = new ReentrantLock(true);
    private Connection connection;
    private long lastPruneNanos = System.nanoTime();

    /**
     * @param origin                 names this instance in its notifications
     * @param outboxRetentionSeconds how long announced events stay readable for a listener that reconnects
     * @param own                    where this instance's announced events wait to be heard back
     */
    FeedPublisher(DirectConnections connections, String origin, long outboxRetentionSeconds, OwnEvents own) {
        this.connections = connections;
        this.origin = origin;
        this.outboxRetentionSeconds = outboxRetentionSeconds;
        this.own = own;
    }

    /** Announces events just stored, in order. Never throws: a failure is logged, and the events not announced. */
    void publish(List<TrackedEvent> stored) {
        if (stored.isEmpty()) {
            return;
        }
        publishing.lock();
        long[] sequences = null;
        try {
            Connection con = connection();
            try (Statement st = con.createStatement()) {
                // The events are durable already; the outbox is unlogged and notifications die with the server
                // anyway, so this commit need not wait for the disk (nor queue its flush before the ingest's).
                st.execute("set local synchronous_commit to off; select pg_advisory_xact_lock(" + ORDER_LOCK + ")");
                sequences = nextSequences(con, stored.size());
                List<FeedCodec.Payload> payloads = FeedCodec.encode(stored, sequences, origin);
                keep(con, payloads);
                own.expect(stored, sequences);
                try (PreparedStatement notify = con.prepareStatement("select pg_notify(?, ?)")) {
                    for (FeedCodec.Payload payload : payloads) {
                        notify.setString(1, PostgresEventFeed.CHANNEL);
                        notify.setString(2, payload.text());
                        notify.execute();
                    }
                }
                con.commit();
                pruneNowAndThen(con);
            } catch (SQLException e) {
                closeLocked();
                throw e;
            }
        } catch (SQLException e) {
            if (sequences != null) {
                own.forget(sequences);
            }
            LOG.log(Level.WARNING, stored.size() + " stored events could not be announced for live delivery", e);
        } finally {
            publishing.unlock();
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = connections.open(NAME);
            connection.setAutoCommit(false);
        }
        return connection;
    }

    private static long[] nextSequences(Connection con, int n) throws SQLException {
        long[] out = new long[n];
        try (PreparedStatement ps = con.prepareStatement(
                "select nextval('analytics_realtime_seq') from generate_series(1, ?)")) {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    out[i] = rs.getLong(1);
                }
            }
        }
        Arrays.sort(out);
        return out;
    }

    /**
     * Keeps the notifications themselves, not one row per event: a thirtieth of the rows to write, delete and
     * vacuum (per event, autovacuum worked on the outbox for 12 s after each burst of 750,000 events).
     */
    private static void keep(Connection con, List<FeedCodec.Payload> payloads) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(
                "insert into realtime_outbox (last_sequence, payload) select * from unnest(?, ?)")) {
            ps.setArray(1, con.createArrayOf("bigint",
                    payloads.stream().map(p -> p.header().last()).toArray(Long[]::new)));
            ps.setArray(2, con.createArrayOf("text", payloads.stream().map(FeedCodec.Payload::text)
                    .toArray(String[]::new)));
            ps.executeUpdate();
        }
    }

    /** Drops what is past the retention, every few seconds at most, in a transaction of its own. */
    private void pruneNowAndThen(Connection con) throws SQLException {
        long now = System.nanoTime();
        if (now - lastPruneNanos < PRUNE_EVERY_NANOS) {
            return;
        }
        lastPruneNanos = now;
        try (PreparedStatement ps = con.prepareStatement(
                "delete from realtime_outbox where published_at < now() - make_interval(secs => ?)")) {
            ps.setLong(1, outboxRetentionSeconds);
            ps.executeUpdate();
        }
        con.commit();
    }

    @Override
    public void close() {
        publishing.lock();
        try {
            closeLocked();
        } finally {
            publishing.unlock();
        }
    }

    private void closeLocked() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.log(Level.FINE, "Closing a failed publisher connection", e);
            }
            connection = null;
        }
    }
}
