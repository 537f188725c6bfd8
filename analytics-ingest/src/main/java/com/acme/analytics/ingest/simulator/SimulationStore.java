package com.acme.analytics.ingest.simulator;

import com.acme.analytics.domain.database.DirectConnections;
import com.acme.analytics.domain.database.Transactions;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The {@code simulation} table. A running simulation's row carries a heartbeat ({@code updated_at}, renewed with its
 * counts every few seconds): a row still {@code running} whose heartbeat is older than {@link #STALE} belongs to a
 * server that went away without stopping it, and is marked {@code interrupted} when read. Several instances may
 * share the table: a stop request marks the row, and the instance running it notices at its next heartbeat.
 */
@ApplicationScoped
public class SimulationStore {

    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    static final Duration STALE = HEARTBEAT.multipliedBy(6);
    private static final String COLUMNS = "id, action, status, campaign_ids, workspace_id, events_per_minute, "
            + "duration_minutes, error_rate, generated, rejected, started_at, ends_at, ended_at, reason";

    @Resource(lookup = "java:app/jdbc/analytics")
    DataSource dataSource;
    @Inject
    DirectConnections directConnections;

    /**
     * Records a continuous simulation as running, unless its workspace already runs {@code maxRunning}; two
     * requests of one workspace are serialised by an advisory lock, so the limit holds across instances.
     *
     * @return false when the workspace runs too many simulations already
     */
    boolean insertRunning(SimulationView s, int maxRunning) throws SQLException {
        return Transactions.run(dataSource, c -> {
            try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "simulation/" + s.organizationId());
                lock.execute();
            }
            markStale(c);
            try (PreparedStatement count = c.prepareStatement(
                    "select count(*) from simulation where workspace_id = ? and status = 'running'")) {
                count.setString(1, s.organizationId());
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= maxRunning) {
                        return false;
                    }
                }
            }
            insert(c, s);
            return true;
        });
    }

    /** Records a simulation whose events are all in (a burst or a journey). */
    void insertFinished(SimulationView s) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            insert(c, s);
        }
    }

    /**
     * Renews a running simulation's heartbeat and counts.
     *
     * @return false when its row is no longer running: it was stopped by a request, perhaps on another instance
     */
    boolean heartbeat(String id, long generated, long rejected) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update simulation set generated = ?, rejected = ?, updated_at = now() where id = ? and status = 'running'")) {
            ps.setLong(1, generated);
            ps.setLong(2, rejected);
            ps.setString(3, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** Ends a simulation with its final counts; a row already ended (stopped by a request) keeps its status. */
    void finish(SimulationView s) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            finish(c, List.of(s));
        }
    }

    /**
     * Ends the simulations at shutdown over a connection of its own: the container's pool may already be gone
     * when the application stops.
     */
    void finishAtShutdown(Collection<SimulationView> ended) throws SQLException {
        try (Connection c = directConnections.open("analytics-simulations-shutdown")) {
            finish(c, ended);
        }
    }

    /**
     * Marks the workspace's running simulations stopped by request: the one named, or all.
     *
     * @return their ids
     */
    List<String> requestStop(String workspaceId, String id, Instant at) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update simulation set status = 'stopped', reason = 'stopped by request', ended_at = ?, "
                        + "updated_at = now() where workspace_id = ? and status = 'running' and (? is null or id = ?) "
                        + "returning id")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, workspaceId);
            ps.setString(3, id);
            ps.setString(4, id);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    /** The workspace's simulations, newest first, at most {@code limit}. */
    List<SimulationView> list(String workspaceId, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            markStale(c);
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS
                    + " from simulation where workspace_id = ? order by started_at desc, id limit ?")) {
                ps.setString(1, workspaceId);
                ps.setInt(2, limit);
                return read(ps);
            }
        }
    }

    Optional<SimulationView> find(String workspaceId, String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select " + COLUMNS
                + " from simulation where workspace_id = ? and id = ?")) {
            ps.setString(1, workspaceId);
            ps.setString(2, id);
            return read(ps).stream().findFirst();
        }
    }

    /** Simulations whose server stopped without ending them: interrupted when their heartbeat stopped. */
    void markStale() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            markStale(c);
        }
    }

    private static void markStale(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update simulation set status = 'interrupted', "
                + "reason = 'its server stopped without a clean shutdown', ended_at = updated_at "
                + "where status = 'running' and updated_at < now() - make_interval(secs => ?)")) {
            ps.setLong(1, STALE.toSeconds());
            ps.executeUpdate();
        }
    }

    private static void insert(Connection c, SimulationView s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into simulation (" + COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, s.id());
            ps.setString(2, s.action());
            ps.setString(3, s.status());
            ps.setArray(4, c.createArrayOf("text", s.campaignIds().toArray()));
            ps.setString(5, s.organizationId());
            ps.setObject(6, s.eventsPerMinute(), Types.INTEGER);
            ps.setObject(7, s.duration(), Types.INTEGER);
            ps.setDouble(8, s.errorRate());
            ps.setLong(9, s.generated());
            ps.setLong(10, s.rejected());
            ps.setTimestamp(11, Timestamp.from(s.startedAt()));
            ps.setTimestamp(12, s.endsAt() == null ? null : Timestamp.from(s.endsAt()));
            ps.setTimestamp(13, s.endedAt() == null ? null : Timestamp.from(s.endedAt()));
            ps.setString(14, s.reason());
            ps.executeUpdate();
        }
    }

    /** Final counts always; status, reason and end time only of a row still running (a stop request's stay). */
    private static void finish(Connection c, Collection<SimulationView> ended) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update simulation set generated = ?, rejected = ?, "
                + "updated_at = now(), status = case when status = 'running' then ? else status end, "
                + "reason = case when status = 'running' then ? else reason end, "
                + "ended_at = coalesce(ended_at, ?) where id = ?")) {
            for (SimulationView s : ended) {
                ps.setLong(1, s.generated());
                ps.setLong(2, s.rejected());
                ps.setString(3, s.status());
                ps.setString(4, s.reason());
                ps.setTimestamp(5, Timestamp.from(s.endedAt()));
                ps.setString(6, s.id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static List<SimulationView> read(PreparedStatement ps) throws SQLException {
        List<SimulationView> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Array campaigns = rs.getArray(4);
                out.add(new SimulationView(rs.getString(1), rs.getString(2), rs.getString(3),
                        Arrays.asList((String[]) campaigns.getArray()), rs.getString(5),
                        (Integer) rs.getObject(6), (Integer) rs.getObject(7), rs.getDouble(8), rs.getLong(9),
                        rs.getLong(10), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)),
                        instant(rs.getTimestamp(13)), rs.getString(14)));
            }
        }
        return out;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
