package com.acme.analytics.realtime.integrations;

import com.acme.analytics.domain.integrations.Transformation;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The figures of a stored (synced) integration for its {@code analytics_update}: the sync's own
 * {@code total_requests}, {@code successful_requests}, {@code failed_requests} and {@code average_response_time}
 * (ms), then the provider's latest value of each metric (a provider metric of the same name wins), kept to
 * {@code filters.metrics} when set, then each transformation's value under its name. Moving averages read the
 * stored points, so they span syncs and restarts.
 */
final class IntegrationFigures {

    private static final JsonProvider JSON = JsonProvider.provider();

    private static final String INTEGRATION = "select i.filters::text, i.transformations::text, s.total_requests,"
            + " s.successful_requests, s.failed_requests, s.response_millis_total from integration i"
            + " left join integration_sync s on s.integration_id = i.id where i.workspace_id = ? and i.id = ?";
    private static final String LATEST = "select distinct on (metric) metric, value from integration_metric"
            + " where integration_id = ? and dimensions = '{}' order by metric, bucket desc";
    private static final String AVERAGE = "select avg(value) from integration_metric where integration_id = ?"
            + " and metric = ? and dimensions = '{}' and bucket >= now() - make_interval(secs => ?)";

    /** An integration's filters of event types (empty: all) and its metrics, ready for the update. */
    record Figures(Map<String, Object> metrics, Set<String> eventTypes) {
    }

    private IntegrationFigures() {
    }

    /** Empty when the workspace has no stored integration of that number. */
    static Optional<Figures> read(Connection con, String workspaceId, long id) throws SQLException {
        JsonObject filters;
        JsonObject transformations;
        Map<String, Object> metrics = new LinkedHashMap<>();
        try (PreparedStatement ps = con.prepareStatement(INTEGRATION)) {
            ps.setString(1, workspaceId);
            ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                filters = object(rs.getString(1));
                transformations = object(rs.getString(2));
                long total = rs.getLong(3);
                metrics.put("total_requests", total);
                metrics.put("successful_requests", rs.getLong(4));
                metrics.put("failed_requests", rs.getLong(5));
                metrics.put("average_response_time", total == 0 ? 0.0 : (double) rs.getLong(6) / total);
            }
        }
        Set<String> wanted = names(filters, "metrics");
        Map<String, Double> latest = new LinkedHashMap<>();
        try (PreparedStatement ps = con.prepareStatement(LATEST)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    latest.put(rs.getString(1), rs.getDouble(2));
                }
            }
        }
        latest.forEach((metric, value) -> {
            if (wanted.isEmpty() || wanted.contains(metric)) {
                metrics.put(metric, value);
            }
        });
        for (Map.Entry<String, JsonValue> t : transformations.entrySet()) {
            Transformation parsed = Transformation.parse(t.getKey(), ((JsonString) t.getValue()).getString());
            metrics.put(t.getKey(), value(con, id, parsed, latest));
        }
        return Optional.of(new Figures(metrics, names(filters, "events")));
    }

    private static Double value(Connection con, long id, Transformation t, Map<String, Double> latest)
            throws SQLException {
        if (t instanceof Transformation.Percentage p) {
            Double a = latest.get(p.numerator());
            Double b = latest.get(p.denominator());
            return a == null || b == null || b == 0 ? null : 100.0 * a / b;
        }
        Transformation.MovingAverage m = (Transformation.MovingAverage) t;
        try (PreparedStatement ps = con.prepareStatement(AVERAGE)) {
            ps.setLong(1, id);
            ps.setString(2, m.metric());
            ps.setLong(3, m.window().toSeconds());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                double avg = rs.getDouble(1);
                return rs.wasNull() ? null : avg;
            }
        }
    }

    private static Set<String> names(JsonObject filters, String field) {
        return filters.get(field) instanceof JsonArray a
                ? a.getValuesAs(JsonString.class).stream().map(JsonString::getString).collect(Collectors.toSet())
                : Set.of();
    }

    private static JsonObject object(String text) {
        try (var reader = JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
