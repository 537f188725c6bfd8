package com.acme.analytics.domain.campaigns;

import com.acme.analytics.domain.metrics.Money;

import java.time.Instant;
import java.util.Map;

/**
 * The {@code RealTimeMetrics} of the campaign pipeline contract: a campaign's figures over a window.
 * Rates are percentages, amounts are currency units, {@code averageViewTime} is in seconds.
 */
public record RealTimeMetrics(String campaignId, Instant timestamp, long impressions, long clicks, long conversions,
                              double ctr, double conversionRate, double totalSpent, double cpc, double cpa,
                              double engagementRate, double averageViewTime, double bounceRate, long adPlaybacks,
                              double completionRate, double skipRate) {

    /** Reads the values of the {@link CampaignViews#REAL_TIME} view. */
    public static RealTimeMetrics from(String campaignId, Instant at, Map<String, Number> v) {
        return new RealTimeMetrics(campaignId, at, v.get("impressions").longValue(), v.get("clicks").longValue(),
                v.get("conversions").longValue(), v.get("ctr").doubleValue(), v.get("conversionRate").doubleValue(),
                new Money(v.get("spent").longValue()).units(), v.get("cpc").doubleValue(), v.get("cpa").doubleValue(),
                v.get("engagementRate").doubleValue(), Math.round(v.get("averageViewTime").doubleValue() * 100) / 100.0,
                v.get("bounceRate").doubleValue(), v.get("views").longValue(), v.get("completionRate").doubleValue(),
                v.get("skipRate").doubleValue());
    }
}
