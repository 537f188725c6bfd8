package com.acme.analytics.realtime.cluster;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.domain.metrics.Money;
import com.acme.analytics.metrics.RemoteEvents;
import com.acme.analytics.realtime.live.LiveDispatcher;
import com.acme.analytics.realtime.live.SequencedEvent;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The feed over PostgreSQL {@code LISTEN/NOTIFY}. Publishing takes the next sequences and sends the events as
 * notifications in one transaction, under a transaction-scoped advisory lock, so that notifications are delivered
 * in sequence order to every listening instance. Every instance, this one included, delivers only what it hears,
 * hence each event once; hearing its own notifications, an instance takes their events from memory instead of
 * decoding them.
 *
 * <p>A notification carries at most {@value #MAX_PAYLOAD_BYTES} bytes: a batch is split across several, and an
 * event whose properties alone exceed that travels without them; the listener reads them from the stored event.
 * Both connections are the feed's own, outside the container's pool: a listening connection is held for good.
 *
 * <p>Notifications reach only the connections listening when they are sent, so the same transaction also writes
 * each notification to the {@code realtime_outbox} table, kept for the outbox retention. Whenever the listener
 * (re)connects it first listens, then reads from the outbox what came after the last sequence it delivered, and
 * afterwards skips notifications at or below that sequence: events published while its connection was down reach
 * its clients late but in order, and none twice. Publications are serialised by the advisory lock, so sequences grow in commit
 * order and nothing committed later can carry a lower sequence.
 *
 * <p>Each notification names the instance that stored its events, so that the events stored elsewhere reach this
 * instance's live metrics ({@link RemoteEvents}), which record their own instance's events as they are stored.
 * While the feed is not listening those metrics are told so, and when it listens again: the outbox replays events
 * to clients, not to the metrics, which answer from the database until they have seen a whole window again.
 */
final class PostgresEventFeed implements EventFeed {

    private static final Logger LOG = Logger.getLogger(PostgresEventFeed.class.getName());
    static final String CHANNEL = "analytics_events";
    /** Fits under PostgreSQL's 8000-byte payload limit with room for the envelope. */
    static final int MAX_PAYLOAD_BYTES = 7900;
    private static final long ORDER_LOCK = 7_311_984_205_511L;
    private static final JsonProvider JSON = JsonProvider.provider();

    /** How the listening connection shows in {@code pg_stat_activity}. */
    static final String LISTENER_NAME = "analytics-live-listener";
    private static final long PRUNE_EVERY_NANOS = 10_000_000_000L;
    private static final String UNDEFINED_TABLE = "42P01";
    private static final String LAST_KEY = "\"l\":";
    /** Beyond this many sequences since the oldest own event not heard back, the listener is not hearing. */
    private static final int MAX_OWN_IN_FLIGHT = 100_000;

    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();
    private final LiveDispatcher dispatcher;
    private final RemoteEvents remote;
    /** Names this instance in its notifications. */
    final String origin = Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);
    private final long outboxRetentionSeconds;
    private final Thread listener;
    private volatile boolean running = true;
    /**
     * Guards the publisher connection. Fair, so that announcements waiting for it go in the order they arrived
     * and a later flush never takes lower sequences than an earlier one, whoever calls (the ingest side announces
     * from one thread in commit order, but this feed does not rely on it).
     */
    private final ReentrantLock publishing = new ReentrantLock(true);
    private Connection publisher;
    private long lastPruneNanos = System.nanoTime();
    /**
     * This instance's announced events until the listener hears them back. Decoding its own notifications was the
     * listener's main cost (29 % of the server's CPU samples after a burst of 700,000 events, JFR), and a listener
     * that falls behind holds up every live client; the events are at hand, in order of sequence.
     */
    private final ConcurrentSkipListMap<Long, SequencedEvent> ownInFlight = new ConcurrentSkipListMap<>();
    /** How its own notifications start: the origin, then the first sequence. */
    private final String ownHead = "{\"n\":\"" + origin + "\",\"f\":";
    /** The highest sequence the listener delivered (or knew of when it first listened); listener thread only. */
    private long lastSequence = -1;

    /** @param outboxRetentionSeconds how long announced events stay readable for a listener that reconnects */
    PostgresEventFeed(String url, String user, String password, long outboxRetentionSeconds, ThreadFactory threads,
                      LiveDispatcher dispatcher, RemoteEvents remote) {
        dataSource.setURL(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        this.outboxRetentionSeconds = outboxRetentionSeconds;
        this.dispatcher = dispatcher;
        this.remote = remote;
        this.listener = threads.newThread(this::listen);
        listener.setName("analytics-event-feed");
        listener.setDaemon(true);
    }

    void start() {
        remote.interrupted();
        listener.start();
    }

    @Override
    public void publish(List<TrackedEvent> stored) {
        if (stored.isEmpty()) {
            return;
        }
        publishing.lock();
        long[] sequences = null;
        try {
            Connection con = publisher();
            try (Statement st = con.createStatement()) {
                // The events are durable already; the outbox is unlogged and notifications die with the server
                // anyway, so this commit need not wait for the disk (nor queue its flush before the ingest's).
                st.execute("set local synchronous_commit to off; select pg_advisory_xact_lock(" + ORDER_LOCK + ")");
                sequences = nextSequences(con, stored.size());
                List<Payload> payloads = payloads(stored, sequences, origin);
                keep(con, payloads);
                expectOwn(stored, sequences);
                try (PreparedStatement notify = con.prepareStatement("select pg_notify(?, ?)")) {
                    for (Payload payload : payloads) {
                        notify.setString(1, CHANNEL);
                        notify.setString(2, payload.text());
                        notify.execute();
                    }
                }
                con.commit();
                pruneNowAndThen(con);
            } catch (SQLException e) {
                closePublisherLocked();
                throw e;
            }
        } catch (SQLException e) {
            if (sequences != null) {
                Arrays.stream(sequences).forEach(ownInFlight::remove);
            }
            LOG.log(Level.WARNING, stored.size() + " stored events could not be announced for live delivery", e);
        } finally {
            publishing.unlock();
        }
    }

    /** Keeps the events for the listener, which hears this instance's notifications back in sequence order. */
    void expectOwn(List<TrackedEvent> stored, long[] sequences) {
        var oldest = ownInFlight.firstEntry();
        if (oldest != null && sequences[sequences.length - 1] - oldest.getKey() > MAX_OWN_IN_FLIGHT) {
            return; // the listener is not hearing: it will decode these, or read them from the outbox
        }
        for (int i = 0; i < sequences.length; i++) {
            ownInFlight.put(sequences[i], new SequencedEvent(sequences[i], stored.get(i)));
        }
    }

    /**
     * This instance's events of a notification, taken from those it published rather than decoded; null when the
     * notification is another instance's or its events are not all kept here.
     */
    List<SequencedEvent> ownEvents(String payload) {
        if (!payload.startsWith(ownHead)) {
            return null;
        }
        int firstEnd = payload.indexOf(',', ownHead.length());
        int lastStart = firstEnd + LAST_KEY.length() + 1;
        if (firstEnd < 0 || !payload.startsWith(LAST_KEY, firstEnd + 1)) {
            return null;
        }
        long first = Long.parseLong(payload, ownHead.length(), firstEnd, 10);
        long last = Long.parseLong(payload, lastStart, payload.indexOf(',', lastStart), 10);
        NavigableMap<Long, SequencedEvent> range = ownInFlight.subMap(first, true, last, true);
        if (range.size() != last - first + 1) {
            return null;
        }
        List<SequencedEvent> events = new ArrayList<>(range.values());
        range.clear();
        return events;
    }

    private Connection publisher() throws SQLException {
        if (publisher == null) {
            publisher = dataSource.getConnection();
            publisher.setAutoCommit(false);
        }
        return publisher;
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
    private static void keep(Connection con, List<Payload> payloads) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(
                "insert into realtime_outbox (last_sequence, payload) select * from unnest(?, ?)")) {
            ps.setArray(1, con.createArrayOf("bigint", payloads.stream().map(Payload::last).toArray(Long[]::new)));
            ps.setArray(2, con.createArrayOf("text", payloads.stream().map(Payload::text).toArray(String[]::new)));
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

    /**
     * The notifications of events stored by the instance {@code origin}:
     * {@code {"n": origin, "f": first sequence, "l": last sequence, "e": [...]}}, the sequences of each one
     * consecutive (they are taken under the order lock).
     */
    static List<Payload> payloads(List<TrackedEvent> events, long[] sequences, String origin) {
        String head = "{\"n\":\"" + origin + "\",\"f\":";
        // room for the two sequences and the envelope, whatever their length
        int room = MAX_PAYLOAD_BYTES - head.length() - LAST_KEY.length() - 2 * 20 - 10;
        List<Payload> payloads = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        int chunkBytes = 0;
        int first = 0;
        for (int i = 0; i < events.size(); i++) {
            String one = encode(events.get(i), sequences[i], true);
            int bytes = one.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > room) {
                one = encode(events.get(i), sequences[i], false);
                bytes = one.getBytes(StandardCharsets.UTF_8).length;
            }
            if (chunkBytes > 0 && chunkBytes + bytes + 1 > room) {
                payloads.add(new Payload(sequences[i - 1], head + sequences[first] + "," + LAST_KEY + sequences[i - 1]
                        + ",\"e\":[" + chunk + "]}"));
                chunk.setLength(0);
                chunkBytes = 0;
                first = i;
            }
            if (chunkBytes > 0) {
                chunk.append(',');
                chunkBytes++;
            }
            chunk.append(one);
            chunkBytes += bytes;
        }
        long last = sequences[events.size() - 1];
        payloads.add(new Payload(last, head + sequences[first] + "," + LAST_KEY + last + ",\"e\":[" + chunk + "]}"));
        return payloads;
    }

    /** One notification and the last sequence it carries. */
    record Payload(long last, String text) {
    }

    private static String encode(TrackedEvent e, long sequence, boolean withMetadata) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject()
                    .write("s", sequence)
                    .write("i", e.eventId())
                    .write("w", e.workspaceId())
                    .write("t", e.eventType())
                    .write("o", e.occurredAt().toString())
                    .write("v", e.value().micros());
            writeNullable(g, "c", e.campaignId());
            writeNullable(g, "si", e.sessionId());
            writeNullable(g, "u", e.userId());
            if (withMetadata) {
                g.write("m", e.metadataJson());
            }
            g.writeEnd();
        }
        return out.toString();
    }

    private static void writeNullable(JsonGenerator g, String name, String value) {
        if (value != null) {
            g.write(name, value);
        }
    }

    /** The events of one notification; an event sent without its properties gets them from the database. */
    static Notification decode(String payload, MetadataSource metadata) throws SQLException {
        List<SequencedEvent> events = new ArrayList<>();
        String origin;
        try (var reader = JSON.createReader(new StringReader(payload))) {
            JsonObject notification = reader.readObject();
            origin = notification.getString("n");
            for (JsonValue v : notification.getJsonArray("e")) {
                events.add(decodeEvent(v.asJsonObject(), metadata));
            }
        }
        return new Notification(origin, events);
    }

    private static SequencedEvent decodeEvent(JsonObject o, MetadataSource metadata) throws SQLException {
        String workspaceId = o.getString("w");
        String eventId = o.getString("i");
        String metadataJson = o.containsKey("m") ? o.getString("m") : metadata.of(workspaceId, eventId);
        return new SequencedEvent(o.getJsonNumber("s").longValue(), new TrackedEvent(eventId, workspaceId,
                o.getString("t"), o.getString("c", null), Instant.parse(o.getString("o")),
                new Money(o.getJsonNumber("v").longValue()), o.getString("si", null), o.getString("u", null),
                metadataJson));
    }

    /** The events of one notification and the instance that stored them. */
    record Notification(String origin, List<SequencedEvent> events) {
    }

    /** Reads a stored event's properties. */
    interface MetadataSource {
        String of(String workspaceId, String eventId) throws SQLException;
    }

    private void listen() {
        while (running) {
            try (Connection con = dataSource.getConnection()) {
                try (Statement st = con.createStatement()) {
                    st.execute("set application_name = '" + LISTENER_NAME + "'");
                    if (lastSequence < 0) {
                        lastSequence = newestKept(st);
                    }
                    st.execute("listen " + CHANNEL);
                }
                catchUp(con);
                remote.listening(Instant.now());
                PGConnection pg = con.unwrap(PGConnection.class);
                MetadataSource metadata = (w, id) -> storedMetadata(con, w, id);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification n : notifications) {
                        List<SequencedEvent> own = ownEvents(n.getParameter());
                        if (own != null) {
                            deliver(own, false);
                        } else {
                            Notification notification = decode(n.getParameter(), metadata);
                            deliver(notification.events(), !notification.origin().equals(origin));
                        }
                    }
                }
            } catch (SQLException e) {
                remote.interrupted();
                if (running) {
                    // The feed starts with the application, which may be before the schema migration created the
                    // outbox: expected once, not worth a warning.
                    LOG.log(UNDEFINED_TABLE.equals(e.getSQLState()) ? Level.FINE : Level.WARNING,
                            "Listening for live events failed; retrying in 1 s", e);
                    pause();
                }
            }
        }
    }

    private static long newestKept(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("select coalesce(max(last_sequence), 0) from realtime_outbox")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Delivers what the outbox holds after the last sequence delivered: what was announced while not listening. */
    private void catchUp(Connection con) throws SQLException {
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
            missed.addAll(decode(payload, (w, id) -> storedMetadata(con, w, id)).events());
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
        // Own events delivered otherwise (from the outbox after a reconnect) are not heard back again.
        ownInFlight.headMap(lastSequence, true).clear();
        try {
            dispatcher.dispatch(fresh);
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
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void closePublisher() {
        publishing.lock();
        try {
            closePublisherLocked();
        } finally {
            publishing.unlock();
        }
    }

    private void closePublisherLocked() {
        if (publisher != null) {
            try {
                publisher.close();
            } catch (SQLException e) {
                LOG.log(Level.FINE, "Closing a failed publisher connection", e);
            }
            publisher = null;
        }
    }

    @Override
    public void close() {
        running = false;
        listener.interrupt();
        closePublisher();
    }
}
