package com.acme.analytics.metrics;

import com.acme.analytics.domain.campaigns.CampaignViews;
import com.acme.analytics.domain.campaigns.DashboardSummary;
import com.acme.analytics.domain.campaigns.RealTimeMetrics;
import com.acme.analytics.domain.metrics.MetricWindow;
import com.acme.analytics.metrics.MetricEngine.GroupBy;
import com.acme.analytics.metrics.MetricEngine.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The campaign pipeline's figures: the {@link CampaignViews} evaluated by the {@link MetricEngine}. */
@ApplicationScoped
public class CampaignMetricsQuery {

    @Inject
    MetricEngine engine;

    /** The {@code RealTimeMetrics} of one campaign of a workspace; all zero when it had no events in the window. */
    public RealTimeMetrics campaign(String workspaceId, String campaignId, MetricWindow.Trailing window) throws SQLException {
        Instant now = Instant.now();
        MetricEngine.Row row = engine.evaluate(CampaignViews.REAL_TIME, new Scope(workspaceId, campaignId,
                GroupBy.NONE), window, now).get(0);
        return RealTimeMetrics.from(campaignId, now, row.values());
    }

    /** The dashboard of a workspace: its summary and one row per campaign that had events in the window. */
    public Dashboard dashboard(String workspaceId, MetricWindow.Trailing window) throws SQLException {
        Instant now = Instant.now();
        DashboardSummary summary = DashboardSummary.from(engine.evaluate(CampaignViews.DASHBOARD,
                new Scope(workspaceId, null, GroupBy.NONE), window, now).get(0).values());
        List<RealTimeMetrics> campaigns = engine.evaluate(CampaignViews.REAL_TIME,
                        new Scope(workspaceId, null, GroupBy.CAMPAIGN), window, now).stream()
                .map(row -> RealTimeMetrics.from(row.key(), now, row.values()))
                .toList();
        return new Dashboard(workspaceId, window.seconds(), summary, campaigns, now);
    }

    /** The organization dashboard of the campaign pipeline contract. */
    public record Dashboard(String organizationId, long timeWindow, DashboardSummary summary,
                            List<RealTimeMetrics> campaigns, Instant timestamp) {
    }
}
