package com.acme.analytics.realtime.live;

import com.acme.analytics.domain.campaigns.RealTimeMetrics;
import com.acme.analytics.domain.metrics.MetricWindow;
import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.metrics.CampaignMetricsQuery;
import com.acme.analytics.realtime.hub.Audience;
import com.acme.analytics.realtime.hub.MetricCategory;
import com.acme.analytics.realtime.hub.SubscriptionHub;
import com.acme.analytics.realtime.hub.Topic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Recomputes the metrics of the workspaces and campaigns a batch touched, once each, and publishes them as
 * coalesced updates. The queries run on an executor, never on the delivery thread; a workspace whose refresh is
 * already waiting is not queued twice (the waiting refresh reads the newest data anyway).
 */
@ApplicationScoped
public class MetricsFeed {

    private static final Logger LOG = Logger.getLogger(MetricsFeed.class.getName());

    /** Per workspace waiting for a refresh: the campaigns touched since it was queued. */
    private final Map<String, Set<String>> pending = new ConcurrentHashMap<>();

    @Inject
    SubscriptionHub hub;
    @Inject
    CampaignMetricsQuery campaignMetrics;
    @Inject
    CategoryMetrics categoryMetrics;
    @Inject
    @ConfigProperty(name = "analytics.metrics.default-window-seconds")
    long windowSeconds;

    void onEvents(@Observes LiveEvents batch) {
        for (SequencedEvent e : batch.events()) {
            TrackedEvent event = e.event();
            boolean[] queued = {false};
            pending.compute(event.workspaceId(), (w, campaigns) -> {
                Set<String> set = campaigns;
                if (set == null) {
                    set = ConcurrentHashMap.newKeySet();
                    queued[0] = true;
                }
                if (event.campaignId() != null) {
                    set.add(event.campaignId());
                }
                return set;
            });
            if (queued[0]) {
                hub.executor().execute(() -> refresh(event.workspaceId()));
            }
        }
    }

    private void refresh(String workspaceId) {
        Set<String> campaigns = pending.remove(workspaceId);
        if (campaigns == null) {
            return;
        }
        Topic topic = Topic.workspace(workspaceId);
        try {
            Optional<Set<MetricCategory>> wanted = wantedCategories(topic);
            if (wanted.isPresent()) {
                boolean dashboard = wanted.get().contains(MetricCategory.DASHBOARD)
                        || wanted.get().contains(MetricCategory.CAMPAIGNS);
                WorkspaceFigures figures = new WorkspaceFigures(
                        dashboard ? campaignMetrics.dashboard(workspaceId, window()) : null,
                        categoryMetrics.figures(workspaceId, wanted.get(), window()));
                hub.publish(topic, a -> a instanceof MetricsAudience m ? m.metrics(figures) : null);
            }
            Topic all = Topic.campaign(workspaceId, Topic.ALL_CAMPAIGNS);
            for (String campaignId : new HashSet<>(campaigns)) {
                Topic one = Topic.campaign(workspaceId, campaignId);
                if (hub.hasSubscribers(one) || hub.hasSubscribers(all)) {
                    RealTimeMetrics metrics = campaignMetrics.campaign(workspaceId, campaignId, window());
                    publishCampaign(one, workspaceId, metrics);
                    publishCampaign(all, workspaceId, metrics);
                }
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Metrics of workspace " + workspaceId + " unavailable; update skipped", e);
        }
    }

    /**
     * The categories computed from the events that the topic's clients show, empty when none wants one: a client
     * subscribed for notifications, events or {@code system_health} alone costs no query (with many workspaces
     * streaming, those queries are what the database would spend its time on).
     */
    private Optional<Set<MetricCategory>> wantedCategories(Topic topic) {
        Set<MetricCategory> wanted = EnumSet.noneOf(MetricCategory.class);
        for (Audience audience : hub.audiences(topic)) {
            if (audience instanceof MetricsAudience m && m.wantsMetrics()) {
                wanted.addAll(m.categories());
            }
        }
        return wanted.isEmpty() ? Optional.empty() : Optional.of(wanted);
    }

    private void publishCampaign(Topic topic, String workspaceId, RealTimeMetrics metrics) {
        hub.publish(topic, (Audience a) -> a instanceof CampaignAudience c ? c.campaign(workspaceId, metrics) : null);
    }

    private MetricWindow.Trailing window() {
        return MetricWindow.lastSeconds(windowSeconds);
    }
}
