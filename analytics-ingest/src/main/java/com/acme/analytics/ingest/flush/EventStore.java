package com.acme.analytics.ingest.flush;

import com.acme.analytics.domain.database.DirectConnections;
import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.ingest.deadletters.DeadLetter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a chunk of events and their rollups (daily per campaign, per minute, and the daily sets of users and
 * sessions) in one transaction: a binary COPY into a staging table, then one statement. Plain JDBC:
 * this is the hot path, and it stays portable across JPA providers.
 *
 * <p>It writes over a connection of its own rather than the container's pool: the flush at shutdown runs after
 * the application server has already removed the application's pool, and must still reach the database. Only the
 * flusher's single thread uses it.
 */
final class EventStore implements EventWriter, AutoCloseable {

    /*
     * The events go in by binary COPY into a temporary staging table (see StagingRows), then one statement reads
     * them from there. An id is new when it is not among the ids seen within the dedupe window; only new events
     * are stored and reach the rollup, so an event sent twice is counted once, even twice within one chunk (the
     * first occurrence wins). The rollups are pre-aggregated per key (workspace, campaign, day; workspace, minute,
     * campaign, type; and the distinct actors of a day), so their upserts scale with distinct keys, not with events. Each is read from the inserted rows, in key order, so
     * that two instances writing the same keys lock them in the same order. It answers the chunk places (n) of
     * the new events.
     */
    private static final String INSERT_AND_ROLL_UP = """
            with given as (
                select distinct on (w, e) n, w, e, t, c, o, ?::timestamptz as r, v, s, u, m::jsonb as m
                from ingest_staging
                order by w, e, n
            ), seen as (
                insert into event_id_seen (workspace_id, event_id)
                select w, e from given
                on conflict (workspace_id, event_id) do nothing
                returning workspace_id, event_id
            ), ins as (
                insert into raw_event (workspace_id, event_id, event_type, campaign_id, occurred_at, received_at,
                                       value_micros, session_id, user_id, metadata)
                select g.w, g.e, g.t, g.c, g.o, g.r, g.v, g.s, g.u, g.m
                from given g
                join seen on seen.workspace_id = g.w and seen.event_id = g.e
                returning workspace_id, event_id, event_type, campaign_id, occurred_at, value_micros, session_id, user_id
            ), minutes as (
                insert into event_minute as em (workspace_id, minute, campaign_id, event_type, events, value_micros)
                select workspace_id, date_trunc('minute', occurred_at at time zone 'UTC') at time zone 'UTC',
                       coalesce(campaign_id, ''), event_type, count(*), sum(value_micros)
                from ins
                group by 1, 2, 3, 4
                order by 1, 2, 3, 4
                on conflict (workspace_id, minute, campaign_id, event_type) do update set
                    events = em.events + excluded.events,
                    value_micros = em.value_micros + excluded.value_micros
            ), actors as (
                insert into actor_day (workspace_id, day, campaign_id, event_type, session_id, user_id)
                select distinct workspace_id, (occurred_at at time zone 'UTC')::date, coalesce(campaign_id, ''),
                       event_type, coalesce(session_id, ''), coalesce(user_id, '')
                from ins
                where session_id is not null or user_id is not null
                order by 1, 2, 3, 4, 5, 6
                on conflict do nothing
            ), rolled as (
                insert into campaign_analytics as ca (workspace_id, campaign_id, day, impressions, clicks,
                        conversions, views, engagements, completions, skips, spent_micros)
                select workspace_id, campaign_id, (occurred_at at time zone 'UTC')::date,
                       count(*) filter (where event_type = 'impression'),
                       count(*) filter (where event_type = 'click'),
                       count(*) filter (where event_type = 'conversion'),
                       count(*) filter (where event_type = 'view'),
                       count(*) filter (where event_type = 'engagement'),
                       count(*) filter (where event_type = 'completion'),
                       count(*) filter (where event_type = 'skip'),
                       sum(value_micros)
                from ins
                where campaign_id is not null
                  and event_type in ('impression', 'click', 'conversion', 'view', 'engagement', 'completion', 'skip')
                group by 1, 2, 3
                order by 1, 2, 3
                on conflict (workspace_id, campaign_id, day) do update set
                    impressions = ca.impressions + excluded.impressions,
                    clicks = ca.clicks + excluded.clicks,
                    conversions = ca.conversions + excluded.conversions,
                    views = ca.views + excluded.views,
                    engagements = ca.engagements + excluded.engagements,
                    completions = ca.completions + excluded.completions,
                    skips = ca.skips + excluded.skips,
                    spent_micros = ca.spent_micros + excluded.spent_micros,
                    updated_at = now()
            )
            select g.n from ins join given g on g.w = ins.workspace_id and g.e = ins.event_id
            """;

    private static final String INSERT_DEAD_LETTER = """
            insert into dead_letter (workspace_id, event_id, event, sql_state, reason, failed_at)
            values (?, ?, ?, ?, ?, ?::timestamptz)
            """;

    /** Metadata that jsonb refuses (see R__jsonb_refusal.sql), by 0-based index. */
    private static final String METADATA_REFUSALS = """
            select x.n - 1, r.sql_state, r.reason
            from unnest(?::text[]) with ordinality as x(m, n), lateral jsonb_refusal(x.m) r
            where r.sql_state is not null
            """;

    private final DirectConnections connections;
    private Connection connection;

    EventStore(DirectConnections connections) {
        this.connections = connections;
    }

    /**
     * One transaction: the chunk's rows copied into the staging table, the statement, the commit (which empties the
     * staging table, as a rollback does).
     *
     * @return the events that were new, in the order given; an event whose id was stored before is skipped
     */
    @Override
    public List<TrackedEvent> write(List<TrackedEvent> events, List<byte[]> rows) throws SQLException {
        Connection con = connection();
        // Instants travel as ISO-8601 text so that no JVM time zone takes part in the conversion.
        String now = Instant.now().toString();
        try {
            con.setAutoCommit(false);
            byte[] data = StagingRows.chunk(rows);
            CopyIn copy = con.unwrap(PGConnection.class).getCopyAPI().copyIn(StagingRows.COPY);
            try {
                copy.writeToCopy(data, 0, data.length);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            boolean[] isNew = new boolean[events.size()];
            try (PreparedStatement ps = con.prepareStatement(INSERT_AND_ROLL_UP)) {
                ps.setString(1, now);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        isNew[rs.getInt(1)] = true;
                    }
                }
            }
            con.commit();
            List<TrackedEvent> stored = new ArrayList<>(events.size());
            for (int i = 0; i < isNew.length; i++) {
                if (isNew[i]) {
                    stored.add(events.get(i));
                }
            }
            return stored;
        } catch (SQLException failure) {
            rollBackAfter(failure);
            throw failure;
        } finally {
            if (connection != null) {
                connection.setAutoCommit(true);
            }
        }
    }

    @Override
    public void deadLetter(List<DeadLetter> letters) throws SQLException {
        Connection con = connection();
        try (PreparedStatement ps = con.prepareStatement(INSERT_DEAD_LETTER)) {
            for (DeadLetter d : letters) {
                ps.setString(1, d.workspaceId());
                ps.setString(2, d.eventId());
                ps.setString(3, d.eventJson());
                ps.setString(4, d.sqlState());
                ps.setString(5, d.reason());
                ps.setString(6, d.failedAt().toString());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException failure) {
            closeAfter(failure);
            throw failure;
        }
    }

    @Override
    public Map<Integer, SQLException> refusals(List<TrackedEvent> events) throws SQLException {
        Connection con = connection();
        try (PreparedStatement ps = con.prepareStatement(METADATA_REFUSALS)) {
            ps.setArray(1, con.createArrayOf("text", events.stream().map(TrackedEvent::metadataJson).toArray()));
            Map<Integer, SQLException> refused = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    refused.put(rs.getInt(1), new SQLException(rs.getString(3), rs.getString(2)));
                }
            }
            return refused;
        } catch (SQLException failure) {
            closeAfter(failure);
            throw failure;
        }
    }

    @Override
    public void probe() throws SQLException {
        try (Statement s = connection().createStatement()) {
            s.execute("select 1");
        } catch (SQLException failure) {
            closeAfter(failure);
            throw failure;
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Connection con = connections.open("analytics-committer");
            try (Statement s = con.createStatement()) {
                con.setAutoCommit(true);
                s.execute(StagingRows.CREATE_TABLE);
            } catch (SQLException failure) {
                con.close();
                throw failure;
            }
            connection = con;
        }
        return connection;
    }

    /** A refused chunk leaves its transaction aborted: rolled back, so that the connection can be kept. */
    private void rollBackAfter(SQLException failure) {
        if (WriteFailure.of(failure) == WriteFailure.DATA) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                close();
                return;
            }
        }
        closeAfter(failure);
    }

    /**
     * A connection that failed is replaced on the next write; one whose statement was refused for its data is fine
     * (autocommit: nothing is left open), and keeping it spares the bisection of a bad chunk a reconnect per step.
     */
    private void closeAfter(SQLException failure) {
        if (WriteFailure.of(failure) == WriteFailure.OUTAGE) {
            close();
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the connection is being discarded either way
            }
            connection = null;
        }
    }

}
