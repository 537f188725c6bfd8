package com.acme.analytics.ingest.sync.schedule;

import com.acme.analytics.ingest.sync.SyncSink.MetricPoint;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metric time series of integrations ({@code integration_metric}), one row per (integration, metric,
 * dimensions, bucket): a re-fetched window overwrites its rows with the provider's current value instead of adding
 * to them, so overlaps change nothing.
 */
@ApplicationScoped
public class MetricPoints {

    @Resource(lookup = "java:app/jdbc/analytics")
    DataSource dataSource;

    void upsert(long integrationId, List<MetricPoint> points) throws SQLException {
        if (points.isEmpty()) {
            return;
        }
        // Sorted by key, so that two writers of the same rows lock them in the same order.
        List<MetricPoint> sorted = points.stream().sorted(Comparator.comparing(MetricPoint::metric)
                .thenComparing(p -> dimensions(p.dimensions())).thenComparing(MetricPoint::bucket)).toList();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into integration_metric (integration_id, metric, dimensions, bucket, value)
                values (?, ?, ?, ?, ?)
                on conflict (integration_id, metric, dimensions, bucket)
                do update set value = excluded.value, updated_at = now()
                where integration_metric.value is distinct from excluded.value""")) {
            for (MetricPoint p : sorted) {
                ps.setLong(1, integrationId);
                ps.setString(2, p.metric());
                ps.setString(3, dimensions(p.dimensions()));
                ps.setTimestamp(4, Timestamp.from(p.bucket()));
                ps.setDouble(5, p.value());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The canonical text of a dimension map: a JSON object with its keys sorted. */
    static String dimensions(Map<String, String> dimensions) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        new TreeMap<>(dimensions).forEach(b::add);
        return b.build().toString();
    }
}
