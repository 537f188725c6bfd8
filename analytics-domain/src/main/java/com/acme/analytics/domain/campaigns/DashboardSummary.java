package com.acme.analytics.domain.campaigns;

import com.acme.analytics.domain.metrics.Money;

import java.util.Map;

/** The organization dashboard's {@code summary}: all campaigns of a workspace over a window, added up. */
public record DashboardSummary(long totalImpressions, long totalClicks, long totalConversions, long activeCampaigns,
                               double overallCtr, double overallConversionRate, double totalSpent) {

    /** Reads the values of the {@link CampaignViews#DASHBOARD} view. */
    public static DashboardSummary from(Map<String, Number> v) {
        return new DashboardSummary(v.get("totalImpressions").longValue(), v.get("totalClicks").longValue(),
                v.get("totalConversions").longValue(), v.get("activeCampaigns").longValue(),
                v.get("overallCtr").doubleValue(), v.get("overallConversionRate").doubleValue(),
                new Money(v.get("spent").longValue()).units());
    }
}
