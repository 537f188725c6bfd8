package com.acme.analytics.realtime.websocket;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.metrics.CampaignMetricsQuery.Dashboard;
import com.acme.analytics.realtime.hub.MessageWriter;
import com.acme.analytics.realtime.hub.MetricCategory;
import com.acme.analytics.realtime.hub.Outbound;
import com.acme.analytics.realtime.live.EventAudience;
import com.acme.analytics.realtime.live.EventProperties;
import com.acme.analytics.realtime.live.MetricsAudience;
import com.acme.analytics.realtime.live.NotificationAudience;
import com.acme.analytics.realtime.live.SequencedEvent;
import com.acme.analytics.realtime.live.WorkspaceFigures;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a dashboard client of {@code /ws/realtime} asked for, and how its messages look: {@code metrics_update}
 * of the subscribed categories, {@code event} for the subscribed entity types, {@code notification} for events of
 * type {@code notification} when it wants them. Every event message carries its {@code sequence}, which the
 * client may send back in {@code subscribe} to resume.
 */
record DashboardAudience(Set<MetricCategory> metrics, Set<String> events, boolean notifications,
                         boolean realTimeUpdates, boolean administers) implements EventAudience, MetricsAudience, NotificationAudience {

    static final String NOTIFICATION_TYPE = "notification";
    private static final Set<String> SEVERITIES = Set.of("info", "warning", "error", "success");
    /**
     * Entity types by the first word of an event type: 004's entity types ({@code campaign}, {@code lead},
     * {@code payment}, {@code system}, {@code ai_agent}) and, for social events, the name of 004's
     * {@code social_media} metric category.
     */
    static final Map<String, String> ENTITY_BY_PREFIX = Map.of("agent", "ai_agent", "ai_agent", "ai_agent",
            "social", "social_media", "lead", "lead", "payment", "payment", "campaign", "campaign",
            "system", "system");

    /** A client that has not subscribed yet: heartbeats and answers only. */
    static final DashboardAudience NONE = new DashboardAudience(Set.of(), Set.of(), false, false);

    DashboardAudience {
        metrics = Set.copyOf(metrics);
        events = Set.copyOf(events);
    }

    /** A client whose credential does not administer the workspace: no system alerts. */
    DashboardAudience(Set<MetricCategory> metrics, Set<String> events, boolean notifications,
                      boolean realTimeUpdates) {
        this(metrics, events, notifications, realTimeUpdates, false);
    }

    @Override
    public boolean heartbeats() {
        return true;
    }

    /** An update after a batch, or null when the client wants none or none of its categories is computed here. */
    @Override
    public Outbound metrics(WorkspaceFigures figures) {
        if (!realTimeUpdates) {
            return null;
        }
        Map<String, Object> data = computed(figures);
        return data.isEmpty() ? null : metricsUpdate(data);
    }

    @Override
    public Set<MetricCategory> categories() {
        return metrics;
    }

    /**
     * As {@link #metrics}: updates wanted, and at least one category computed from the events ({@code system_health}
     * comes from the health feed, not from the figures).
     */
    @Override
    public boolean wantsMetrics() {
        return realTimeUpdates && metrics.stream().anyMatch(c -> c != MetricCategory.SYSTEM_HEALTH);
    }

    /**
     * The {@code metrics_update} answering a {@code subscribe}: every subscribed category, {@code system_health}
     * included, so that the first update a client sees carries its figures.
     *
     * @param health this instance's figures, or null when they are not wanted (or unknown)
     */
    Outbound snapshot(WorkspaceFigures figures, SystemHealthFeed.SystemHealth health) {
        Map<String, Object> data = figures == null ? new LinkedHashMap<>() : computed(figures);
        if (health != null && metrics.contains(MetricCategory.SYSTEM_HEALTH)) {
            data.put(MetricCategory.SYSTEM_HEALTH.wireName(), health);
        }
        return metricsUpdate(data);
    }

    private static Outbound metricsUpdate(Map<String, Object> data) {
        return Outbound.latest("metrics_update", MessageWriter.Envelope.now("metrics_update", data).toJson(),
                "metrics");
    }

    /** The subscribed categories that the metric engine computes. */
    private Map<String, Object> computed(WorkspaceFigures figures) {
        Map<String, Object> data = new LinkedHashMap<>();
        // Null when no client wanted it as the figures were computed (this one subscribed since): next time.
        Dashboard dashboard = figures.dashboard();
        if (dashboard != null && metrics.contains(MetricCategory.DASHBOARD)) {
            data.put(MetricCategory.DASHBOARD.wireName(), dashboard.summary());
        }
        if (dashboard != null && metrics.contains(MetricCategory.CAMPAIGNS)) {
            data.put(MetricCategory.CAMPAIGNS.wireName(),
                    Map.of("timeWindow", dashboard.timeWindow(), "campaigns", dashboard.campaigns()));
        }
        figures.categories().forEach((category, values) -> {
            if (metrics.contains(category)) {
                data.put(category.wireName(), values);
            }
        });
        return data;
    }

    /** A {@code metrics_update} holding {@code system_health}, or null when the client did not ask for it. */
    Outbound systemHealth(SystemHealthFeed.SystemHealth health) {
        if (!metrics.contains(MetricCategory.SYSTEM_HEALTH)) {
            return null;
        }
        return Outbound.latest("metrics_update", MessageWriter.Envelope.now("metrics_update",
                Map.of(MetricCategory.SYSTEM_HEALTH.wireName(), health)).toJson(), "metrics:system_health");
    }

    @Override
    public Outbound event(SequencedEvent sequenced) {
        TrackedEvent e = sequenced.event();
        EventProperties props = EventProperties.of(e);
        if (NOTIFICATION_TYPE.equals(e.eventType())) {
            return notifications ? message("notification", notification(e, props), sequenced.sequence()) : null;
        }
        String entityType = entityType(e, props);
        if (!events.contains(entityType)) {
            return null;
        }
        String entityId = props.text("entity_id", "entityId");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("eventId", e.eventId());
        details.put("campaignId", e.campaignId());
        details.put("sessionId", e.sessionId());
        details.put("userId", e.userId());
        details.put("value", e.value().units());
        details.put("metadata", props.json());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("event_type", e.eventType());
        data.put("entity_type", entityType);
        data.put("entity_id", entityId != null ? entityId : e.campaignId() != null ? e.campaignId() : e.eventId());
        data.put("details", details);
        data.put("timestamp", e.occurredAt().toEpochMilli());
        return message("event", data, sequenced.sequence());
    }

    /**
     * The entity an event is about: as its properties name it, else as the first word of its type says
     * ({@code agent.task.completed} is about an {@code ai_agent}), else its campaign, else the system.
     */
    static String entityType(TrackedEvent e, EventProperties props) {
        String named = props.text("entity_type", "entityType");
        if (named != null) {
            return named;
        }
        String type = e.eventType();
        int dot = type.indexOf('.');
        String inferred = dot > 0 ? ENTITY_BY_PREFIX.get(type.substring(0, dot)) : null;
        if (inferred != null) {
            return inferred;
        }
        return e.campaignId() != null ? "campaign" : "system";
    }

    private static Map<String, Object> notification(TrackedEvent e, EventProperties props) {
        Map<String, Object> data = new LinkedHashMap<>();
        String severity = props.text("severity");
        String category = props.text("category");
        data.put("id", e.eventId());
        data.put("title", orElse(props.text("title"), "Notification"));
        data.put("message", orElse(props.text("message"), ""));
        data.put("severity", severity != null && SEVERITIES.contains(severity) ? severity : "info");
        data.put("category", orElse(category, "system"));
        data.put("timestamp", e.occurredAt().toEpochMilli());
        String actionUrl = props.text("action_url", "actionUrl");
        if (actionUrl != null) {
            data.put("action_url", actionUrl);
        }
        data.put("auto_dismiss", props.value("auto_dismiss") != jakarta.json.JsonValue.FALSE);
        return data;
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static Outbound message(String type, Object data, long sequence) {
        return Outbound.ordered(type, MessageWriter.toJson(
                new Sequenced(type, data, System.currentTimeMillis(), sequence)), sequence);
    }

    /** An event-carrying message: the dashboard envelope plus the delivery sequence. */
    public record Sequenced(String type, Object data, long timestamp, long sequence) {
    }
}
