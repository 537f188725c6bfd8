package com.acme.analytics.domain.metrics;

import com.acme.analytics.domain.campaigns.CampaignViews;
import com.acme.analytics.domain.campaigns.DashboardSummary;
import com.acme.analytics.domain.campaigns.RealTimeMetrics;
import com.acme.analytics.domain.workspaces.WorkspaceViews;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricViewTest {

    private static final Instant NOW = Instant.parse("2025-07-15T12:30:00Z");
    private static final MetricWindow HOUR = MetricWindow.lastSeconds(3600);

    private static Map<String, Number> base(MetricView view, Object... nameValue) {
        Map<String, Number> values = new HashMap<>();
        view.baseEntries().forEach(e -> values.put(e.name(), 0L));
        for (int i = 0; i < nameValue.length; i += 2) {
            values.put((String) nameValue[i], (Number) nameValue[i + 1]);
        }
        return values;
    }

    @Test
    void shouldDeriveTheDocumentedCampaignMetricsFromCounts() {
        Map<String, Number> v = CampaignViews.REAL_TIME.derive(base(CampaignViews.REAL_TIME, "impressions", 1500L,
                "clicks", 45L, "conversions", 3L, "spent", 67_500_000L, "views", 4L, "completions", 3L, "skips", 1L,
                "sessions", 4L, "bounces", 1L, "averageViewTime", 12.345), HOUR, NOW);
        RealTimeMetrics m = RealTimeMetrics.from("camp_123", NOW, v);
        assertEquals(3.0, m.ctr());
        assertEquals(6.67, m.conversionRate());
        assertEquals(67.5, m.totalSpent());
        assertEquals(1.5, m.cpc());
        assertEquals(22.5, m.cpa());
        assertEquals(75.0, m.completionRate());
        assertEquals(25.0, m.skipRate());
        assertEquals(25.0, m.bounceRate());
        assertEquals(12.35, m.averageViewTime());
        assertEquals(4, m.adPlaybacks());
    }

    @Test
    void shouldGiveZeroRatesWithoutEvents() {
        RealTimeMetrics m = RealTimeMetrics.from("c", NOW, CampaignViews.REAL_TIME.derive(
                base(CampaignViews.REAL_TIME), HOUR, NOW));
        assertEquals(0.0, m.ctr());
        assertEquals(0.0, m.cpa());
        assertEquals(0.0, m.bounceRate());
    }

    @Test
    void shouldAddUpTheDashboardSummary() {
        DashboardSummary s = DashboardSummary.from(CampaignViews.DASHBOARD.derive(base(CampaignViews.DASHBOARD,
                "totalImpressions", 1500L, "totalClicks", 45L, "activeCampaigns", 2L, "spent", 67_500_000L), HOUR, NOW));
        assertEquals(3.0, s.overallCtr());
        assertEquals(2, s.activeCampaigns());
        assertEquals(67.5, s.totalSpent());
    }

    @Test
    void shouldNeverCountMoreTasksFinishedThanStarted() {
        Map<String, Number> v = WorkspaceViews.STATS.derive(base(WorkspaceViews.STATS, "tasksStarted", 2L,
                "tasksFinished", 5L), HOUR, NOW);
        assertEquals(0L, v.get("tasksInProgress"));
    }

    @Test
    void shouldAverageAMetricPerBucketOverItsWindow() {
        MetricView view = MetricView.named("rate")
                .add("events", new Metric.Count(EventFilter.all()))
                .add("per5Minutes", new Metric.MovingAverage("events", Duration.ofMinutes(5)))
                .build();
        assertEquals(10.0, view.derive(Map.of("events", 120L), HOUR, NOW).get("per5Minutes"));
    }

    @Test
    void rejectsADerivedMetricNamingOneNotDefinedBeforeIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MetricView.named("bad")
                .add("ctr", new Metric.Quotient("clicks", "impressions", Metric.Quotient.Scale.PERCENT)).build());
        assertTrue(e.getMessage().contains("clicks"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MetricView("twice", List.of(
                new MetricView.Entry("a", new Metric.Count(EventFilter.all()), null),
                new MetricView.Entry("a", new Metric.Count(EventFilter.all()), null))));
    }

    @Test
    void shouldResolveWindowsAgainstNow() {
        assertEquals(Instant.parse("2025-07-15T00:00:00Z"), WorkspaceViews.TODAY.at(NOW).from());
        assertEquals(NOW.minusSeconds(3600), HOUR.at(NOW).from());
        assertThrows(IllegalArgumentException.class, () -> new MetricWindow.Range(NOW, NOW));
    }
}
