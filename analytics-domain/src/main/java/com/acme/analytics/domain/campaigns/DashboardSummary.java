package com.acme.analytics.domain.campaigns;

import java.util.Collection;

/** The organization dashboard's {@code summary}: all campaigns of a workspace over a window, added up. */
public record DashboardSummary(long totalImpressions, long totalClicks, long totalConversions, long activeCampaigns,
                               double overallCtr, double overallConversionRate, double totalSpent) {

    /** @param campaigns the counters of each campaign that had events in the window */
    public static DashboardSummary of(Collection<CampaignCounters> campaigns) {
        CampaignCounters total = campaigns.stream().reduce(CampaignCounters.ZERO, CampaignCounters::plus);
        return new DashboardSummary(total.impressions(), total.clicks(), total.conversions(), campaigns.size(),
                total.ctr(), total.conversionRate(), total.spent().units());
    }
}
