package com.acme.analytics.realtime.integrations;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.realtime.hub.MessageWriter;
import com.acme.analytics.realtime.hub.Outbound;
import com.acme.analytics.realtime.live.EventProperties;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The figures of an integration, from the stored events that name it, and the {@code analytics_update} that
 * carries them: {@code metrics} = {@code total_events} and {@code events_by_type} over the metrics window,
 * {@code last_event_at}, {@code window_seconds}; {@code events} = the events that arrived since the last update.
 */
@ApplicationScoped
public class IntegrationAnalytics {

    private static final String INTEGRATION = "coalesce(metadata ->> 'integrationId', metadata ->> 'integration_id')";

    private static final String EXISTS = "select exists (select 1 from integration where workspace_id = ? and"
            + " id::text = ?) or exists (select 1 from raw_event where workspace_id = ? and " + INTEGRATION + " = ?)";

    private static final String METRICS = "select event_type, count(*), max(occurred_at) from raw_event "
            + "where workspace_id = ? and " + INTEGRATION + " = ? "
            + "and occurred_at > now() - make_interval(secs => ?) group by event_type order by event_type";

    @Resource(lookup = "java:app/jdbc/analytics")
    DataSource dataSource;
    @Inject
    @ConfigProperty(name = "analytics.metrics.default-window-seconds")
    long windowSeconds;

    /** Whether the workspace has the integration (created over REST), or any stored event of it names it. */
    public boolean exists(String workspaceId, String integrationId) throws SQLException {
        try (Connection con = dataSource.getConnection(); PreparedStatement ps = con.prepareStatement(EXISTS)) {
            ps.setString(1, workspaceId);
            ps.setString(2, integrationId);
            ps.setString(3, workspaceId);
            ps.setString(4, integrationId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** The integration named by an event's properties, or null. */
    static String integrationOf(TrackedEvent event) {
        return EventProperties.of(event).text("integrationId", "integration_id");
    }

    /**
     * An ordered {@code analytics_update} with the current figures and the given new events. For an integration
     * stored over REST the metrics also hold its sync's and provider's figures and transformations, and its filters
     * keep the listed metrics and event types ({@link IntegrationFigures}).
     */
    Outbound update(String workspaceId, String integrationId, List<TrackedEvent> events) throws SQLException {
        Map<String, Object> metrics = metrics(workspaceId, integrationId);
        Set<String> types = Set.of();
        if (stored(integrationId) != null) {
            try (Connection con = dataSource.getConnection()) {
                Optional<IntegrationFigures.Figures> figures = IntegrationFigures.read(con, workspaceId,
                        stored(integrationId));
                if (figures.isPresent()) {
                    metrics.putAll(figures.get().metrics());
                    types = figures.get().eventTypes();
                }
            }
        }
        Set<String> wanted = types;
        List<Map<String, Object>> items = events.stream().filter(e -> wanted.isEmpty()
                || wanted.contains(e.eventType())).map(IntegrationAnalytics::item).toList();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "analytics_update");
        message.put("integration_id", wireId(integrationId));
        message.put("timestamp", Instant.now());
        message.put("data", Map.of("metrics", metrics, "events", items));
        return Outbound.ordered("analytics_update", MessageWriter.toJson(message), 0);
    }

    private Map<String, Object> metrics(String workspaceId, String integrationId) throws SQLException {
        Map<String, Long> byType = new LinkedHashMap<>();
        long total = 0;
        Timestamp last = null;
        try (Connection con = dataSource.getConnection(); PreparedStatement ps = con.prepareStatement(METRICS)) {
            ps.setString(1, workspaceId);
            ps.setString(2, integrationId);
            ps.setLong(3, windowSeconds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byType.put(rs.getString(1), rs.getLong(2));
                    total += rs.getLong(2);
                    Timestamp t = rs.getTimestamp(3);
                    if (last == null || t.after(last)) {
                        last = t;
                    }
                }
            }
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("total_events", total);
        metrics.put("events_by_type", byType);
        metrics.put("last_event_at", last == null ? null : last.toInstant());
        metrics.put("window_seconds", windowSeconds);
        return metrics;
    }

    private static Map<String, Object> item(TrackedEvent e) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", e.eventType());
        item.put("timestamp", e.occurredAt());
        item.put("data", EventProperties.of(e).json());
        return item;
    }

    /** The error every client of the integration gets when one of its syncs fails. */
    static String syncError(long integrationId, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "error");
        m.put("integration_id", integrationId);
        m.put("message", "Failed to sync analytics data: " + reason);
        return MessageWriter.toJson(m);
    }

    /** The number of an integration stored over REST, or null for an id only events name. */
    private static Long stored(String integrationId) {
        return integrationId.matches("[1-9][0-9]{0,17}") ? Long.parseLong(integrationId) : null;
    }

    /** The id as the client wrote it: a number when it is one. */
    static Object wireId(String integrationId) {
        return integrationId.matches("\\d{1,18}") ? (Object) Long.parseLong(integrationId) : integrationId;
    }
}
