package com.acme.analytics.domain.campaigns;

import com.acme.analytics.domain.metrics.Ratio;

import java.time.Instant;

/**
 * The {@code RealTimeMetrics} of the campaign pipeline contract: a campaign's figures over a window.
 * Rates are percentages, amounts are currency units, {@code averageViewTime} is in seconds.
 */
public record RealTimeMetrics(String campaignId, Instant timestamp, long impressions, long clicks, long conversions,
                              double ctr, double conversionRate, double totalSpent, double cpc, double cpa,
                              double engagementRate, double averageViewTime, double bounceRate, long adPlaybacks,
                              double completionRate, double skipRate) {

    /**
     * @param counters        the campaign's counts over the window
     * @param averageViewTime mean {@code metadata.duration} of the window's views, in seconds (0 when none)
     * @param bounces         sessions with a single event, of all sessions seen in the window
     */
    public static RealTimeMetrics of(String campaignId, Instant at, CampaignCounters counters,
                                     double averageViewTime, Ratio bounces) {
        return new RealTimeMetrics(campaignId, at, counters.impressions(), counters.clicks(),
                counters.conversions(), counters.ctr(), counters.conversionRate(), counters.spent().units(),
                counters.cpc(), counters.cpa(), counters.engagementRate(), Math.round(averageViewTime * 100) / 100.0,
                bounces.percent(), counters.views(), counters.completionRate(), counters.skipRate());
    }
}
