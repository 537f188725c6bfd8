package com.acme.analytics.domain.campaigns;

import com.acme.analytics.domain.events.EventType;
import com.acme.analytics.domain.metrics.EventFilter;
import com.acme.analytics.domain.metrics.Metric;
import com.acme.analytics.domain.metrics.Metric.Quotient.Scale;
import com.acme.analytics.domain.metrics.MetricView;
import com.acme.analytics.domain.metrics.Subject;

import java.util.Arrays;

/** The campaign pipeline's views, as metric definitions. */
public final class CampaignViews {

    /** The seven campaign event types. */
    public static final EventFilter CAMPAIGN_EVENTS = EventFilter.types(Arrays.stream(EventType.values())
            .map(EventType::wireName).toArray(String[]::new));

    /** One campaign's {@link RealTimeMetrics}. */
    public static final MetricView REAL_TIME = MetricView.named("campaign real-time metrics")
            .add("impressions", count(EventType.IMPRESSION))
            .add("clicks", count(EventType.CLICK))
            .add("conversions", count(EventType.CONVERSION))
            .add("views", count(EventType.VIEW))
            .add("engagements", count(EventType.ENGAGEMENT))
            .add("completions", count(EventType.COMPLETION))
            .add("skips", count(EventType.SKIP))
            .add("spent", new Metric.Sum(CAMPAIGN_EVENTS))
            .add("averageViewTime", new Metric.Mean("duration", EventFilter.types(EventType.VIEW.wireName())))
            .add("sessions", new Metric.Distinct(Subject.SESSION, CAMPAIGN_EVENTS))
            .add("bounces", new Metric.SingleEventSessions(CAMPAIGN_EVENTS))
            .add("ctr", new Metric.Quotient("clicks", "impressions", Scale.PERCENT))
            .add("conversionRate", new Metric.Quotient("conversions", "clicks", Scale.PERCENT))
            .add("cpc", new Metric.Quotient("spent", "clicks", Scale.AMOUNT_PER_ITEM))
            .add("cpa", new Metric.Quotient("spent", "conversions", Scale.AMOUNT_PER_ITEM))
            .add("engagementRate", new Metric.Quotient("engagements", "impressions", Scale.PERCENT))
            .add("completionRate", new Metric.Quotient("completions", "views", Scale.PERCENT))
            .add("skipRate", new Metric.Quotient("skips", "views", Scale.PERCENT))
            .add("bounceRate", new Metric.Quotient("bounces", "sessions", Scale.PERCENT))
            .build();

    /** The organization dashboard's {@link DashboardSummary}. */
    public static final MetricView DASHBOARD = MetricView.named("dashboard summary")
            .add("totalImpressions", count(EventType.IMPRESSION))
            .add("totalClicks", count(EventType.CLICK))
            .add("totalConversions", count(EventType.CONVERSION))
            .add("activeCampaigns", new Metric.Distinct(Subject.CAMPAIGN, CAMPAIGN_EVENTS))
            .add("spent", new Metric.Sum(CAMPAIGN_EVENTS))
            .add("overallCtr", new Metric.Quotient("totalClicks", "totalImpressions", Scale.PERCENT))
            .add("overallConversionRate", new Metric.Quotient("totalConversions", "totalClicks", Scale.PERCENT))
            .build();

    private CampaignViews() {
    }

    private static Metric count(EventType type) {
        return new Metric.Count(EventFilter.types(type.wireName()));
    }
}
