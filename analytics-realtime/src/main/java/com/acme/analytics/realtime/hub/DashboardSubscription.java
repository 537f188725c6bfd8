package com.acme.analytics.realtime.hub;

import java.util.Objects;
import java.util.Set;

/**
 * What one dashboard client asked for with its {@code subscribe} message.
 *
 * @param workspaceId     the tenant whose figures it receives
 * @param metrics         the metric categories of its {@code metrics_update} messages
 * @param events          the entity types of the {@code event} messages it wants
 * @param notifications   whether it wants {@code notification} messages
 * @param realTimeUpdates whether metric updates are pushed as they happen (else only the snapshot on subscribe)
 */
public record DashboardSubscription(String workspaceId, Set<MetricCategory> metrics, Set<String> events,
                                    boolean notifications, boolean realTimeUpdates) {

    public DashboardSubscription {
        Objects.requireNonNull(workspaceId, "workspaceId");
        metrics = Set.copyOf(metrics);
        events = Set.copyOf(events);
    }
}
