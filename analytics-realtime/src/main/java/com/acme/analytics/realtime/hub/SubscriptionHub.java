package com.acme.analytics.realtime.hub;

import com.acme.analytics.ingest.flush.EventsFlushed;
import com.acme.analytics.ingest.metrics.CampaignMetricsQuery;
import com.acme.analytics.ingest.metrics.CampaignMetricsQuery.Dashboard;
import com.acme.analytics.ingest.metrics.TimeWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The dashboard clients and what each subscribed to. After every flush it computes each affected workspace's
 * figures once, writes each distinct message once, and sends the same text to every client that asked for it.
 * A client whose send fails is dropped without holding up the others.
 */
@ApplicationScoped
public class SubscriptionHub {

    private static final Logger LOG = Logger.getLogger(SubscriptionHub.class.getName());

    private final Map<Session, DashboardSubscription> subscriptions = new ConcurrentHashMap<>();

    @Inject
    CampaignMetricsQuery campaignMetrics;
    @Inject
    @ConfigProperty(name = "analytics.metrics.default-window-seconds")
    long windowSeconds;

    /** Replaces the session's subscription and sends it a fresh snapshot of what it subscribed to. */
    public void subscribe(Session session, DashboardSubscription subscription) throws SQLException {
        subscriptions.put(session, subscription);
        Dashboard dashboard = campaignMetrics.dashboard(subscription.workspaceId(), window());
        send(session, metricsUpdate(dashboard, subscription.metrics()));
    }

    public void unsubscribe(Session session) {
        subscriptions.remove(session);
    }

    public int subscriberCount() {
        return subscriptions.size();
    }

    void onFlush(@ObservesAsync EventsFlushed flushed) {
        Map<String, Dashboard> dashboards = new HashMap<>();
        Map<String, String> messages = new HashMap<>();
        Set<String> touched = flushed.workspaceIds();
        subscriptions.forEach((session, sub) -> {
            if (!sub.realTimeUpdates() || !touched.contains(sub.workspaceId())) {
                return;
            }
            Dashboard dashboard = dashboards.computeIfAbsent(sub.workspaceId(), this::dashboardOrNull);
            if (dashboard == null) {
                return;
            }
            String text = messages.computeIfAbsent(sub.workspaceId() + '|' + sub.metrics(),
                    key -> metricsUpdate(dashboard, sub.metrics()));
            send(session, text);
        });
    }

    private Dashboard dashboardOrNull(String workspaceId) {
        try {
            return campaignMetrics.dashboard(workspaceId, window());
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Metrics of workspace " + workspaceId + " unavailable; update skipped", e);
            return null;
        }
    }

    private TimeWindow window() {
        return TimeWindow.ofSeconds(windowSeconds);
    }

    /** A {@code metrics_update} holding the subscribed categories the metric engine computes. */
    static String metricsUpdate(Dashboard dashboard, Set<MetricCategory> categories) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (categories.contains(MetricCategory.DASHBOARD)) {
            data.put(MetricCategory.DASHBOARD.wireName(), dashboard.summary());
        }
        if (categories.contains(MetricCategory.CAMPAIGNS)) {
            data.put(MetricCategory.CAMPAIGNS.wireName(),
                    Map.of("timeWindow", dashboard.timeWindow(), "campaigns", dashboard.campaigns()));
        }
        return MessageWriter.Envelope.now("metrics_update", data).toJson();
    }

    /** Sends without blocking; a failed send ends the client's subscription. */
    public void send(Session session, String text) {
        if (!session.isOpen()) {
            subscriptions.remove(session);
            return;
        }
        try {
            session.getAsyncRemote().sendText(text, result -> {
                if (!result.isOK()) {
                    subscriptions.remove(session);
                }
            });
        } catch (IllegalStateException e) {
            subscriptions.remove(session);
        }
    }
}
