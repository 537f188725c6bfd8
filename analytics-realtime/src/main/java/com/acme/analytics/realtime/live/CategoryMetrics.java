package com.acme.analytics.realtime.live;

import com.acme.analytics.domain.categories.CategoryViews;
import com.acme.analytics.domain.metrics.MetricView;
import com.acme.analytics.domain.metrics.MetricWindow;
import com.acme.analytics.metrics.MetricEngine;
import com.acme.analytics.metrics.MetricEngine.GroupBy;
import com.acme.analytics.metrics.MetricEngine.Scope;
import com.acme.analytics.realtime.hub.MetricCategory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@link CategoryViews} of the dashboard categories, evaluated by the metric engine: totals over the window,
 * and leads per campaign, social media and AI agent figures per event type.
 */
@ApplicationScoped
public class CategoryMetrics {

    private static final Map<MetricCategory, Definition> DEFINITIONS = Map.of(
            MetricCategory.LEADS, new Definition(CategoryViews.LEADS, GroupBy.CAMPAIGN),
            MetricCategory.SOCIAL_MEDIA, new Definition(CategoryViews.SOCIAL_MEDIA, GroupBy.EVENT_TYPE),
            MetricCategory.AI_AGENTS, new Definition(CategoryViews.AI_AGENTS, GroupBy.EVENT_TYPE));

    @Inject
    MetricEngine engine;

    /**
     * The figures of the wanted categories that are computed here; other categories are left out.
     *
     * @return by category, in the categories' order
     */
    public Map<MetricCategory, CategoryFigures> figures(String workspaceId, Set<MetricCategory> wanted,
                                                        MetricWindow.Trailing window) throws SQLException {
        Map<MetricCategory, CategoryFigures> out = new EnumMap<>(MetricCategory.class);
        Instant now = Instant.now();
        for (MetricCategory category : wanted) {
            Definition d = DEFINITIONS.get(category);
            if (d != null) {
                out.put(category, d.evaluate(engine, workspaceId, window, now));
            }
        }
        return out;
    }

    /** A category's view and how it is split. */
    private record Definition(MetricView view, GroupBy split) {

        CategoryFigures evaluate(MetricEngine engine, String workspaceId, MetricWindow.Trailing window, Instant now)
                throws SQLException {
            Map<String, Number> totals = engine.evaluate(view, new Scope(workspaceId, null, GroupBy.NONE), window,
                    now).get(0).values();
            // The first entry counts the category's events: rows without any are other events of the workspace.
            String subject = view.entries().get(0).name();
            Map<String, Map<String, Number>> rows = new LinkedHashMap<>();
            for (MetricEngine.Row row : engine.evaluate(view, new Scope(workspaceId, null, split), window, now)) {
                if (row.values().get(subject).longValue() > 0) {
                    rows.put(row.key(), row.values());
                }
            }
            return new CategoryFigures(window.seconds(), totals, split == GroupBy.CAMPAIGN ? rows : null,
                    split == GroupBy.EVENT_TYPE ? rows : null);
        }
    }
}
