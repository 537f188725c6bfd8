package com.acme.analytics.realtime.alerts;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which rules this instance evaluates, and where each rule's groups stand. Every tick an instance renews the leases
 * of its rules and takes the unleased and expired ones ({@code FOR UPDATE SKIP LOCKED}, as the provider sync and the
 * jobs claim theirs), so each rule is evaluated by one instance at a time and a dead instance's rules move on once
 * its lease runs out. The states are read back from PostgreSQL each tick, so a restarted or new instance continues
 * exactly where the previous one left off.
 */
@ApplicationScoped
public class AlertLeases {

    /** A rule this instance holds for this tick, with the states of its groups. */
    public record Leased(String id, String workspaceId, String definition, Instant updatedAt,
                         Map<String, AlertState> states) {
    }

    @Resource(lookup = "java:app/jdbc/analytics")
    DataSource dataSource;

    /** Renews this owner's leases and takes free ones, at most {@code limit} rules in all. */
    public List<Leased> claim(String owner, int leaseSeconds, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<Leased> rules = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    update alert_rule r set lease_owner = ?, lease_until = now() + make_interval(secs => ?)
                    where r.id in (
                        select id from alert_rule
                        where lease_owner = ? or lease_until is null or lease_until < now()
                        order by id limit ? for update skip locked)
                    returning r.id, r.workspace_id, r.definition::text, r.updated_at""")) {
                ps.setString(1, owner);
                ps.setInt(2, leaseSeconds);
                ps.setString(3, owner);
                ps.setInt(4, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rules.add(new Leased(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getTimestamp(4).toInstant(), new HashMap<>()));
                    }
                }
            }
            if (!rules.isEmpty()) {
                readStates(c, rules);
            }
            return rules;
        }
    }

    private static void readStates(Connection c, List<Leased> rules) throws SQLException {
        Map<String, Leased> byId = new HashMap<>();
        rules.forEach(r -> byId.put(r.id(), r));
        Array ids = c.createArrayOf("uuid", rules.stream().map(r -> UUID.fromString(r.id())).toArray());
        try (PreparedStatement ps = c.prepareStatement("select rule_id, group_key, phase, since, clear_since,"
                + " fired_at, value from alert_state where rule_id = any(?)")) {
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double value = rs.getDouble(7);
                    byId.get(rs.getString(1)).states().put(rs.getString(2), new AlertState(
                            AlertState.Phase.valueOf(rs.getString(3).toUpperCase(java.util.Locale.ROOT)),
                            instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)),
                            rs.wasNull() ? null : value));
                }
            }
        }
    }

    /** Gives this owner's leases up, so that another instance takes the rules over at once (on shutdown). */
    public void release(String owner) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update alert_rule set lease_owner = null, lease_until = null"
                     + " where lease_owner = ?")) {
            ps.setString(1, owner);
            ps.executeUpdate();
        }
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
