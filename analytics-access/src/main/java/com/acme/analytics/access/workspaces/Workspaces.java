package com.acme.analytics.access.workspaces;

import com.acme.analytics.access.Secrets;
import com.acme.analytics.access.WriteKeys;
import com.acme.analytics.access.WriteKeys.NewWriteKey;
import com.acme.analytics.domain.database.Transactions;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** The stored workspaces. */
@ApplicationScoped
public class Workspaces {

    @Resource(lookup = "java:app/jdbc/analytics")
    DataSource dataSource;
    @Inject
    WriteKeys writeKeys;

    /** A workspace just created, with its first write key (whose secret is shown this once). */
    public record Created(Workspace workspace, NewWriteKey writeKey) {
    }

    /** Creates a workspace and its first write key in one transaction. */
    public Created create(String name) throws SQLException {
        Workspace workspace = new Workspace(Secrets.random("ws_", 12), name,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        return Transactions.run(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into workspace (id, name, created_at) values (?, ?, ?)")) {
                ps.setString(1, workspace.id());
                ps.setString(2, workspace.name());
                ps.setTimestamp(3, Timestamp.from(workspace.createdAt()));
                ps.executeUpdate();
            }
            return new Created(workspace, writeKeys.create(c, workspace.id()));
        });
    }

    public Optional<Workspace> find(String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id, name, created_at from workspace where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Workspace(rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant())) : Optional.empty();
            }
        }
    }
}
