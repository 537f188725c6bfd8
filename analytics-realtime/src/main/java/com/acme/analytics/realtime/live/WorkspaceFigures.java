package com.acme.analytics.realtime.live;

import com.acme.analytics.metrics.CampaignMetricsQuery.Dashboard;
import com.acme.analytics.realtime.hub.MetricCategory;

import java.util.Map;

/**
 * What a workspace's metric updates are written from: the campaign dashboard, and the figures of the other
 * categories that its clients asked for.
 *
 * @param dashboard  null when nobody asked for the {@code dashboard} or {@code campaigns} category
 * @param categories by category; a category nobody asked for is absent
 */
public record WorkspaceFigures(Dashboard dashboard, Map<MetricCategory, CategoryFigures> categories) {

    public WorkspaceFigures {
        categories = Map.copyOf(categories);
    }
}
