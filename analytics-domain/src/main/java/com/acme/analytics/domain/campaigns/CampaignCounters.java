package com.acme.analytics.domain.campaigns;

import com.acme.analytics.domain.metrics.Money;
import com.acme.analytics.domain.metrics.Ratio;

import java.util.Objects;

/** Exact counts of a campaign's events over a stored period (a day of the rollup), and the amount they carried. */
public record CampaignCounters(long impressions, long clicks, long conversions, long views, long engagements,
                               long completions, long skips, Money spent) {

    public CampaignCounters {
        if (impressions < 0 || clicks < 0 || conversions < 0 || views < 0 || engagements < 0 || completions < 0
                || skips < 0) {
            throw new IllegalArgumentException("negative counter in " + impressions + "/" + clicks + "/"
                    + conversions + "/" + views + "/" + engagements + "/" + completions + "/" + skips);
        }
        Objects.requireNonNull(spent, "spent");
    }

    /** Clicks per impression, in percent. */
    public double ctr() {
        return new Ratio(clicks, impressions).percent();
    }

    /** Conversions per click, in percent. */
    public double conversionRate() {
        return new Ratio(conversions, clicks).percent();
    }

    /** Spend per click, in currency units. */
    public double cpc() {
        return spent.per(clicks);
    }

    /** Spend per conversion, in currency units. */
    public double cpa() {
        return spent.per(conversions);
    }

    /** Engagements per impression, in percent. */
    public double engagementRate() {
        return new Ratio(engagements, impressions).percent();
    }

    /** Completions per playback (view), in percent. */
    public double completionRate() {
        return new Ratio(completions, views).percent();
    }

    /** Skips per playback (view), in percent. */
    public double skipRate() {
        return new Ratio(skips, views).percent();
    }
}
