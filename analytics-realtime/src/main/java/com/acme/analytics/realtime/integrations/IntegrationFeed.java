package com.acme.analytics.realtime.integrations;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.domain.integrations.IntegrationSynced;
import com.acme.analytics.realtime.cluster.RemoteIntegrationSync;
import com.acme.analytics.realtime.hub.Outbound;
import com.acme.analytics.realtime.hub.SubscriptionHub;
import com.acme.analytics.realtime.hub.Topic;
import com.acme.analytics.realtime.live.LiveEvents;
import com.acme.analytics.realtime.live.SequencedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * After each batch, one {@code analytics_update} per synced integration that the batch touched; after each sync,
 * its figures or its error.
 */
@ApplicationScoped
public class IntegrationFeed {

    private static final Logger LOG = Logger.getLogger(IntegrationFeed.class.getName());

    @Inject
    SubscriptionHub hub;
    @Inject
    IntegrationAnalytics analytics;

    void onEvents(@Observes LiveEvents batch) {
        Map<Topic, List<TrackedEvent>> touched = new LinkedHashMap<>();
        for (SequencedEvent e : batch.events()) {
            String integrationId = IntegrationAnalytics.integrationOf(e.event());
            if (integrationId != null) {
                Topic topic = Topic.integration(e.event().workspaceId(), integrationId);
                if (hub.hasSubscribers(topic)) {
                    touched.computeIfAbsent(topic, t -> new ArrayList<>()).add(e.event());
                }
            }
        }
        touched.forEach((topic, events) -> hub.executor().execute(() -> publish(topic, events)));
    }

    /** After every sync on this instance: the latest figures, or the reason it failed, to its clients here. */
    void onSync(@Observes IntegrationSynced sync) {
        tell(sync);
    }

    /** After a sync on another instance, announced over the cluster feed: the same, to its clients here. */
    void onRemoteSync(@Observes RemoteIntegrationSync remote) {
        tell(remote.sync());
    }

    private void tell(IntegrationSynced sync) {
        Topic topic = Topic.integration(sync.workspaceId(), Long.toString(sync.integrationId()));
        if (!hub.hasSubscribers(topic)) {
            return;
        }
        hub.executor().execute(() -> {
            try {
                Outbound message = sync.succeeded()
                        ? analytics.update(sync.workspaceId(), Long.toString(sync.integrationId()), List.of())
                        : Outbound.ordered("error", IntegrationAnalytics.syncError(sync.integrationId(),
                        sync.error()), 0);
                hub.publish(topic, a -> a instanceof IntegrationAudience ? message : null);
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "Analytics of integration " + topic.id() + " unavailable; update skipped", e);
            }
        });
    }

    private void publish(Topic topic, List<TrackedEvent> events) {
        String workspaceId = events.get(0).workspaceId();
        String integrationId = topic.id().substring(workspaceId.length() + 1);
        try {
            Outbound update = analytics.update(workspaceId, integrationId, events);
            hub.publish(topic, a -> a instanceof IntegrationAudience ? update : null);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Analytics of integration " + topic.id() + " unavailable; update skipped", e);
        }
    }
}
