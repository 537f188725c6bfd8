package com.acme.analytics.realtime.alerts;

import com.acme.analytics.domain.campaigns.CampaignViews;
import com.acme.analytics.domain.categories.CategoryViews;
import com.acme.analytics.domain.metrics.MetricView;
import com.acme.analytics.domain.workspaces.WorkspaceViews;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metric views a rule may watch, by the name a rule gives them: the same views the dashboards' answers are
 * computed from, so a rule's field is a field of that answer. The category view is the union of the categories.
 */
public final class MetricFields {

    private static final Map<String, List<MetricView>> VIEWS = Map.of(
            "campaign", List.of(CampaignViews.REAL_TIME),
            "dashboard", List.of(CampaignViews.DASHBOARD),
            "workspace", List.of(WorkspaceViews.STATS),
            "category", List.of(CategoryViews.LEADS, CategoryViews.SOCIAL_MEDIA, CategoryViews.AI_AGENTS));

    private MetricFields() {
    }

    /** The field names of a view, in order. */
    public static List<String> of(String view) {
        return VIEWS.getOrDefault(view, List.of()).stream()
                .flatMap(v -> v.entries().stream().map(MetricView.Entry::name))
                .distinct().toList();
    }

    /** The metric view holding the field. */
    public static Optional<MetricView> viewOf(String view, String field) {
        return VIEWS.getOrDefault(view, List.of()).stream()
                .filter(v -> v.entries().stream().anyMatch(e -> e.name().equals(field)))
                .findFirst();
    }
}
