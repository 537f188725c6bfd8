package com.acme.analytics.realtime.alerts;

import com.acme.analytics.domain.database.Transactions;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static com.acme.analytics.realtime.alerts.AlertLeases.timestamp;

/**
 * Writes what a tick decided: the moved states of a rule, its history events and their deliveries, in one
 * transaction and only while this instance still holds the rule's lease (the rule's row is locked first). So a
 * transition is recorded once, by one instance, or not at all; and what is recorded is notified, because its
 * deliveries are in the same commit.
 */
@ApplicationScoped
public class AlertRecords {

    @Resource(lookup = "java:app/jdbc/analytics")
    DataSource dataSource;

    /**
     * @param version the rule's {@code updated_at} the evaluation read
     * @return false when the lease was lost or the rule replaced meanwhile (nothing written)
     */
    public boolean record(String owner, String ruleId, Instant version, Map<String, AlertState> states,
                          List<AlertDispatch> dispatches) throws SQLException {
        return Transactions.run(dataSource, c -> {
            try (PreparedStatement lock = c.prepareStatement("select 1 from alert_rule where id = ?"
                    + " and lease_owner = ? and lease_until > now() and updated_at = ? for update")) {
                lock.setObject(1, UUID.fromString(ruleId));
                lock.setString(2, owner);
                lock.setObject(3, OffsetDateTime.ofInstant(version, ZoneOffset.UTC));
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                }
            }
            writeStates(c, ruleId, states);
            for (AlertDispatch d : dispatches) {
                writeEvent(c, d);
            }
            return true;
        });
    }

    /** A test notification: its event and deliveries, with no state involved. */
    public void recordTest(AlertDispatch test) throws SQLException {
        Transactions.run(dataSource, c -> {
            writeEvent(c, test);
            return null;
        });
    }

    private static void writeStates(Connection c, String ruleId, Map<String, AlertState> states) throws SQLException {
        if (states.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into alert_state (rule_id, group_key, phase, since, clear_since, fired_at, value)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (rule_id, group_key) do update set phase = excluded.phase, since = excluded.since,
                    clear_since = excluded.clear_since, fired_at = excluded.fired_at, value = excluded.value""")) {
            for (Map.Entry<String, AlertState> e : states.entrySet()) {
                AlertState s = e.getValue();
                ps.setObject(1, UUID.fromString(ruleId));
                ps.setString(2, e.getKey());
                ps.setString(3, s.phase().name().toLowerCase(Locale.ROOT));
                ps.setTimestamp(4, timestamp(s.since()));
                ps.setTimestamp(5, timestamp(s.clearSince()));
                ps.setTimestamp(6, timestamp(s.firedAt()));
                if (s.value() == null) {
                    ps.setNull(7, Types.DOUBLE);
                } else {
                    ps.setDouble(7, s.value());
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static void writeEvent(Connection c, AlertDispatch d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into alert_event (id, rule_id, workspace_id,"
                + " group_key, kind, at, started_at, value, threshold, message) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, d.eventId());
            ps.setObject(2, UUID.fromString(d.ruleId()));
            ps.setString(3, d.workspaceId());
            ps.setString(4, d.group());
            ps.setString(5, d.kind());
            ps.setTimestamp(6, timestamp(d.at()));
            ps.setTimestamp(7, timestamp(d.startedAt()));
            setDouble(ps, 8, d.value());
            setDouble(ps, 9, d.threshold());
            ps.setString(10, d.message());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into alert_delivery (event_id, workspace_id, channel,"
                + " url, body, signature, status) values (?, ?, ?, ?, ?, ?, 'pending')")) {
            for (AlertDispatch.Delivery delivery : d.deliveries()) {
                ps.setObject(1, d.eventId());
                ps.setString(2, d.workspaceId());
                ps.setString(3, delivery.channel());
                ps.setString(4, delivery.url());
                ps.setString(5, delivery.body());
                ps.setString(6, delivery.signature());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }
}
