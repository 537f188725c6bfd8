package com.acme.analytics.realtime.alerts;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which rules this instance evaluates, and where each rule's groups stand. An instance renews the leases of its rules
 * and takes the unleased and expired ones ({@code FOR UPDATE SKIP LOCKED}, as the provider sync and the jobs claim
 * theirs) once half a lease has passed, or at once when a rule is free, changed or gone; so each rule is evaluated by
 * one instance at a time and a dead instance's rules move on once its lease runs out. Between renewals a tick reads
 * only the ids and versions of the rules. The states of a rule are read from PostgreSQL when this instance takes it
 * (or it changed), so a restarted or new instance continues exactly where the previous one left off; while it holds
 * the rule it is the only writer of them, and keeps them in memory.
 */
@ApplicationScoped
public class AlertLeases {

    /** A rule this instance holds, with the states of its groups (the evaluation updates them as it records). */
    public record Leased(String id, String workspaceId, String definition, Instant updatedAt,
                         Map<String, AlertState> states) {
    }

    @Resource(lookup = "java:app/jdbc/analytics")
    DataSource dataSource;

    /** The rules held since the last renewal, by id; only the evaluation's thread (ticks never overlap) uses it. */
    private final Map<String, Leased> held = new LinkedHashMap<>();
    private Instant renewAt = Instant.MIN;
    /** {@link #heldVersions()}, made once per change of {@link #held}. */
    private BigDecimal heldVersions;

    /** The rules this owner holds for this tick, at most {@code limit}; renews and takes leases when due. */
    public List<Leased> hold(String owner, int leaseSeconds, int limit, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (now.isBefore(renewAt) && unchanged(c, owner, limit)) {
                return List.copyOf(held.values());
            }
            List<Leased> rules = claim(c, owner, leaseSeconds, limit);
            renewAt = now.plusMillis(leaseSeconds * 500L);
            held.clear();
            rules.forEach(r -> held.put(r.id(), r));
            heldVersions = null;
            return rules;
        }
    }

    /** Forgets what is known of a rule, so that the next tick claims it again and reads its states back. */
    public void forget(String ruleId) {
        held.remove(ruleId);
        heldVersions = null;
    }

    /**
     * Whether the rules held are still this owner's, unchanged, and no free rule waits for an instance (or this one
     * holds its limit). Compared in one row: how many are this owner's, and the exact sum of their versions' epoch
     * microseconds, which a replaced rule (a new {@code updated_at}) or a lost one changes; a thousand rows read
     * every second were a tenth of the tick. A rule never leased has no owner: {@code mine} is false for it, not
     * null, or it would be counted in neither and wait for the next renewal (up to half a lease) to be evaluated.
     */
    private boolean unchanged(Connection c, String owner, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select count(*) filter (where mine), sum(version) filter (where mine), count(*) filter (where not mine)
                from (select coalesce(lease_owner = ? and lease_until > now(), false) as mine,
                             extract(epoch from date_trunc('second', updated_at))::bigint * 1000000
                                 + extract(microseconds from updated_at)::bigint % 1000000 as version
                      from alert_rule where lease_owner = ? or lease_until is null or lease_until < now()) r""")) {
            ps.setString(1, owner);
            ps.setString(2, owner);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long mine = rs.getLong(1);
                BigDecimal versions = rs.getBigDecimal(2);
                long free = rs.getLong(3);
                return mine == held.size() && (free == 0 || held.size() >= limit)
                        && (mine == 0 || versions.compareTo(heldVersions()) == 0);
            }
        }
    }

    /** The sum of the held rules' versions in epoch microseconds, as {@link #unchanged} computes it. */
    private BigDecimal heldVersions() {
        if (heldVersions != null) {
            return heldVersions;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Leased l : held.values()) {
            Instant v = l.updatedAt();
            sum = sum.add(BigDecimal.valueOf(v.getEpochSecond()).scaleByPowerOfTen(6)
                    .add(BigDecimal.valueOf(v.getNano() / 1000)));
        }
        heldVersions = sum;
        return sum;
    }

    private List<Leased> claim(Connection c, String owner, int leaseSeconds, int limit) throws SQLException {
        List<Leased> rules = new ArrayList<>();
        List<Leased> taken = new ArrayList<>();
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
                    String id = rs.getString(1);
                    Instant updatedAt = rs.getTimestamp(4).toInstant();
                    Leased known = held.get(id);
                    if (known != null && known.updatedAt().equals(updatedAt)) {
                        rules.add(known);
                    } else {
                        Leased fresh = new Leased(id, rs.getString(2), rs.getString(3), updatedAt, new HashMap<>());
                        rules.add(fresh);
                        taken.add(fresh);
                    }
                }
            }
        }
        if (!taken.isEmpty()) {
            readStates(c, taken);
        }
        return rules;
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
