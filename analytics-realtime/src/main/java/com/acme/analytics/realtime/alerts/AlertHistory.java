package com.acme.analytics.realtime.alerts;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import javax.sql.DataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A rule's history for its admins: what fired, resolved or was tested, newest first, each with its value,
 * threshold and message and the deliveries to its channels with every attempt; and where its groups stand now.
 * The caller has checked the rule is the workspace's.
 */
@ApplicationScoped
public class AlertHistory {

    public static final int MAX_EVENTS = 200;
    private static final JsonProvider JSON = JsonProvider.provider();

    @Resource(lookup = "java:app/jdbc/analytics")
    DataSource dataSource;

    public JsonArray events(String ruleId, int limit) throws SQLException {
        Map<String, JsonObjectBuilder> events = new LinkedHashMap<>();
        Map<String, JsonArrayBuilder> deliveries = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("select id, group_key, kind, at, started_at, value,"
                    + " threshold, message from alert_event where rule_id = ? order by at desc, id limit ?")) {
                ps.setObject(1, UUID.fromString(ruleId));
                ps.setInt(2, Math.min(limit, MAX_EVENTS));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        JsonObjectBuilder e = JSON.createObjectBuilder().add("id", rs.getString(1))
                                .add("group", rs.getString(2)).add("kind", rs.getString(3))
                                .add("at", rs.getTimestamp(4).toInstant().toString());
                        addTime(e, "startedAt", rs.getTimestamp(5));
                        addNumber(e, "value", rs.getDouble(6), rs.wasNull());
                        addNumber(e, "threshold", rs.getDouble(7), rs.wasNull());
                        events.put(rs.getString(1), e.add("message", rs.getString(8)));
                        deliveries.put(rs.getString(1), JSON.createArrayBuilder());
                    }
                }
            }
            if (!events.isEmpty()) {
                readDeliveries(c, events.keySet().toArray(), deliveries);
            }
        }
        JsonArrayBuilder out = JSON.createArrayBuilder();
        events.forEach((id, e) -> out.add(e.add("deliveries", deliveries.get(id))));
        return out.build();
    }

    private static void readDeliveries(Connection c, Object[] eventIds, Map<String, JsonArrayBuilder> into)
            throws SQLException {
        Object[] uuids = java.util.Arrays.stream(eventIds).map(id -> UUID.fromString((String) id)).toArray();
        try (PreparedStatement ps = c.prepareStatement("select event_id, channel, url, status, attempts::text,"
                + " next_attempt_at, finished_at from alert_delivery where event_id = any(?) order by id")) {
            ps.setArray(1, c.createArrayOf("uuid", uuids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonObjectBuilder d = JSON.createObjectBuilder().add("channel", rs.getString(2));
                    if (rs.getString(3) != null) {
                        d.add("url", rs.getString(3));
                    }
                    String status = rs.getString(4);
                    d.add("status", status);
                    try (var reader = JSON.createReader(new StringReader(rs.getString(5)))) {
                        d.add("attempts", reader.readArray());
                    }
                    if (status.equals("pending")) {
                        addTime(d, "nextAttemptAt", rs.getTimestamp(6));
                    }
                    addTime(d, "finishedAt", rs.getTimestamp(7));
                    into.get(rs.getString(1)).add(d);
                }
            }
        }
    }

    /** Where each group of the rule stands: phase, since when, the last value stored. */
    public JsonArray states(String ruleId) throws SQLException {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select group_key, phase, since, fired_at, value"
                     + " from alert_state where rule_id = ? order by group_key")) {
            ps.setObject(1, UUID.fromString(ruleId));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonObjectBuilder s = JSON.createObjectBuilder().add("group", rs.getString(1))
                            .add("phase", rs.getString(2)).add("since", rs.getTimestamp(3).toInstant().toString());
                    addTime(s, "firedAt", rs.getTimestamp(4));
                    addNumber(s, "value", rs.getDouble(5), rs.wasNull());
                    out.add(s);
                }
            }
        }
        return out.build();
    }

    private static void addTime(JsonObjectBuilder b, String key, Timestamp t) {
        if (t != null) {
            b.add(key, t.toInstant().toString());
        }
    }

    private static void addNumber(JsonObjectBuilder b, String key, double v, boolean wasNull) {
        if (!wasNull) {
            b.add(key, v);
        }
    }
}
