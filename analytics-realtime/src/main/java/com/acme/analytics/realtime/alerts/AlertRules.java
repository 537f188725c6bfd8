package com.acme.analytics.realtime.alerts;

import com.acme.analytics.domain.database.Transactions;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;

import javax.sql.DataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rules of every workspace in PostgreSQL (V110), over plain JDBC. A rule is kept as the JSON it was created
 * with, once {@link AlertRuleParser} accepted it; another workspace's rule is found like one that does not exist.
 */
@ApplicationScoped
public class AlertRules {

    /** A stored rule: its id, its workspace and its definition as given. */
    public record Stored(String id, String workspaceId, String definition, Instant createdAt, Instant updatedAt) {
    }

    @Resource(lookup = "java:app/jdbc/analytics")
    DataSource dataSource;

    public Stored create(String workspaceId, String definition) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "insert into alert_rule (id, workspace_id, definition) values (?, ?, ?::jsonb)")) {
            ps.setObject(1, id);
            ps.setString(2, workspaceId);
            ps.setString(3, definition);
            ps.executeUpdate();
        }
        return find(workspaceId, id.toString()).orElseThrow();
    }

    public List<Stored> list(String workspaceId) throws SQLException {
        return query("where workspace_id = ? order by created_at, id", workspaceId, null);
    }

    public Optional<Stored> find(String workspaceId, String id) throws SQLException {
        UUID uuid = uuid(id);
        return uuid == null ? Optional.empty()
                : query("where workspace_id = ? and id = ?", workspaceId, uuid).stream().findFirst();
    }

    /**
     * Replaces the definition; the states of its groups start again from normal. A group that was firing is resolved
     * on the old rule's channels in the same transaction ("no longer watched"), so that no webhook receiver is left
     * with an alert that never ends. False when there is no such rule.
     */
    public boolean replace(String workspaceId, String id, String definition) throws SQLException {
        UUID uuid = uuid(id);
        if (uuid == null) {
            return false;
        }
        return Transactions.run(dataSource, c -> {
            Optional<String> old = lockedDefinition(c, workspaceId, uuid);
            if (old.isEmpty()) {
                return false;
            }
            List<AlertDispatch> ended = endFirings(c, id, workspaceId, old.get());
            try (PreparedStatement ps = c.prepareStatement("update alert_rule set definition = ?::jsonb,"
                    + " updated_at = now() where id = ?");
                 PreparedStatement states = c.prepareStatement("delete from alert_state where rule_id = ?")) {
                ps.setString(1, definition);
                ps.setObject(2, uuid);
                ps.executeUpdate();
                states.setObject(1, uuid);
                states.executeUpdate();
            }
            for (AlertDispatch d : ended) {
                AlertRecords.writeEvent(c, d);
            }
            return true;
        });
    }

    private static Optional<String> lockedDefinition(Connection c, String workspaceId, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select definition::text from alert_rule"
                + " where workspace_id = ? and id = ? for update")) {
            ps.setString(1, workspaceId);
            ps.setObject(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The resolutions of the groups firing under the old definition. */
    private static List<AlertDispatch> endFirings(Connection c, String id, String workspaceId, String oldDefinition)
            throws SQLException {
        List<AlertDispatch> ended = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select group_key, fired_at from alert_state"
                + " where rule_id = ? and phase = 'firing'")) {
            ps.setObject(1, UUID.fromString(id));
            try (ResultSet rs = ps.executeQuery()) {
                AlertRule rule = null;
                while (rs.next()) {
                    if (rule == null) {
                        try (var reader = Json.createReader(new StringReader(oldDefinition))) {
                            rule = AlertRuleParser.parseStored(reader.readValue());
                        }
                    }
                    ended.add(AlertDispatch.replaced(id, workspaceId, rule, rs.getString(1),
                            instant(rs.getTimestamp(2)), Instant.now()));
                }
            }
        }
        return ended;
    }

    public boolean delete(String workspaceId, String id) throws SQLException {
        UUID uuid = uuid(id);
        if (uuid == null) {
            return false;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from alert_rule where workspace_id = ? and id = ?")) {
            ps.setString(1, workspaceId);
            ps.setObject(2, uuid);
            return ps.executeUpdate() == 1;
        }
    }

    private List<Stored> query(String where, String workspaceId, UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, workspace_id, definition::text, created_at,"
                     + " updated_at from alert_rule " + where)) {
            ps.setString(1, workspaceId);
            if (id != null) {
                ps.setObject(2, id);
            }
            List<Stored> rules = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rules.add(new Stored(rs.getString(1), rs.getString(2), rs.getString(3),
                            instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5))));
                }
            }
            return rules;
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** An id that is no UUID names no rule (404), not a server error. */
    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
