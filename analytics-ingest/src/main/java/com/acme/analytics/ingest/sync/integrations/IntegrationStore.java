package com.acme.analytics.ingest.sync.integrations;

import com.acme.analytics.domain.database.Transactions;
import com.acme.analytics.domain.integrations.SyncFrequency;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;

import javax.sql.DataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The integration rows, plain JDBC; creating one also schedules its first sync at once. */
@ApplicationScoped
public class IntegrationStore {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final String COLUMNS = "id, workspace_id, provider, name, workflow_id, config::text, credentials,"
            + " sync_frequency, filters::text, transformations::text, created_at, updated_at";

    @Resource(lookup = "java:app/jdbc/analytics")
    DataSource dataSource;

    /** The integration's number, taken before the row is written: the sealed credentials are bound to it. */
    public long nextId() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select nextval(pg_get_serial_sequence('integration', 'id'))"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public void insert(Integration i) throws SQLException {
        Transactions.run(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into integration (id, workspace_id, provider,"
                    + " name, workflow_id, config, credentials, sync_frequency, sync_frequency_seconds, filters,"
                    + " transformations) values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?::jsonb)")) {
                ps.setLong(1, i.id());
                ps.setString(2, i.workspaceId());
                ps.setString(3, i.provider());
                ps.setString(4, i.name());
                setWorkflow(ps, 5, i.workflowId());
                ps.setString(6, i.config().toString());
                ps.setString(7, i.sealedCredentials());
                ps.setString(8, i.frequency().text());
                ps.setLong(9, i.frequency().every().toSeconds());
                ps.setString(10, i.filters().toString());
                ps.setString(11, i.transformations().toString());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into integration_sync (integration_id, next_sync_at) values (?, now())")) {
                ps.setLong(1, i.id());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Replaces what the user set and schedules a sync now (a fixed config deserves a prompt try); false if gone. */
    public boolean update(Integration i) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                with changed as (
                    update integration set name = ?, workflow_id = ?, config = ?::jsonb, credentials = ?,
                        sync_frequency = ?, sync_frequency_seconds = ?, filters = ?::jsonb,
                        transformations = ?::jsonb, updated_at = now()
                    where workspace_id = ? and id = ? returning id
                )
                update integration_sync s set next_sync_at = now(), consecutive_failures = 0,
                    state = case when s.state = 'syncing' then s.state else 'idle' end
                from changed where s.integration_id = changed.id""")) {
            ps.setString(1, i.name());
            setWorkflow(ps, 2, i.workflowId());
            ps.setString(3, i.config().toString());
            ps.setString(4, i.sealedCredentials());
            ps.setString(5, i.frequency().text());
            ps.setLong(6, i.frequency().every().toSeconds());
            ps.setString(7, i.filters().toString());
            ps.setString(8, i.transformations().toString());
            ps.setString(9, i.workspaceId());
            ps.setLong(10, i.id());
            return ps.executeUpdate() == 1;
        }
    }

    public boolean delete(String workspaceId, long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "delete from integration where workspace_id = ? and id = ?")) {
            ps.setString(1, workspaceId);
            ps.setLong(2, id);
            return ps.executeUpdate() == 1;
        }
    }

    public Optional<Integration> find(String workspaceId, long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select " + COLUMNS + " from integration where workspace_id = ? and id = ?")) {
            ps.setString(1, workspaceId);
            ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** For a sync, whose lease names only the id. */
    public Optional<Integration> find(long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select " + COLUMNS + " from integration where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    public List<Integration> list(String workspaceId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select " + COLUMNS + " from integration where workspace_id = ? order by id")) {
            ps.setString(1, workspaceId);
            List<Integration> all = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(read(rs));
                }
            }
            return all;
        }
    }

    private static void setWorkflow(PreparedStatement ps, int index, Long workflowId) throws SQLException {
        if (workflowId == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, workflowId);
        }
    }

    private static Integration read(ResultSet rs) throws SQLException {
        long workflow = rs.getLong(5);
        Long workflowId = rs.wasNull() ? null : workflow;
        return new Integration(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), workflowId,
                object(rs.getString(6)), rs.getString(7), SyncFrequency.parse(rs.getString(8)).orElseThrow(),
                object(rs.getString(9)), object(rs.getString(10)), instant(rs, 11), instant(rs, 12));
    }

    private static Instant instant(ResultSet rs, int index) throws SQLException {
        return rs.getTimestamp(index).toInstant();
    }

    static JsonObject object(String text) {
        try (var reader = JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
