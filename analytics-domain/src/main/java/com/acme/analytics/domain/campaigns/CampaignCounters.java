package com.acme.analytics.domain.campaigns;

import com.acme.analytics.domain.events.EventType;
import com.acme.analytics.domain.metrics.Money;
import com.acme.analytics.domain.metrics.Ratio;

import java.util.Objects;

/** Exact counts of a campaign's events over some period, and the amount they carried. */
public record CampaignCounters(long impressions, long clicks, long conversions, long views, long engagements,
                               long completions, long skips, Money spent) {

    public static final CampaignCounters ZERO = new CampaignCounters(0, 0, 0, 0, 0, 0, 0, new Money(0));

    public CampaignCounters {
        if (impressions < 0 || clicks < 0 || conversions < 0 || views < 0 || engagements < 0 || completions < 0
                || skips < 0) {
            throw new IllegalArgumentException("negative counter in " + impressions + "/" + clicks + "/"
                    + conversions + "/" + views + "/" + engagements + "/" + completions + "/" + skips);
        }
        Objects.requireNonNull(spent, "spent");
    }

    /** These counters with one more event of the given type carrying the given value. */
    public CampaignCounters plus(EventType type, Money value) {
        Money total = spent.plus(value);
        return switch (type) {
            case IMPRESSION -> new CampaignCounters(impressions + 1, clicks, conversions, views, engagements, completions, skips, total);
            case CLICK -> new CampaignCounters(impressions, clicks + 1, conversions, views, engagements, completions, skips, total);
            case CONVERSION -> new CampaignCounters(impressions, clicks, conversions + 1, views, engagements, completions, skips, total);
            case VIEW -> new CampaignCounters(impressions, clicks, conversions, views + 1, engagements, completions, skips, total);
            case ENGAGEMENT -> new CampaignCounters(impressions, clicks, conversions, views, engagements + 1, completions, skips, total);
            case COMPLETION -> new CampaignCounters(impressions, clicks, conversions, views, engagements, completions + 1, skips, total);
            case SKIP -> new CampaignCounters(impressions, clicks, conversions, views, engagements, completions, skips + 1, total);
        };
    }

    public CampaignCounters plus(CampaignCounters o) {
        return new CampaignCounters(impressions + o.impressions, clicks + o.clicks, conversions + o.conversions,
                views + o.views, engagements + o.engagements, completions + o.completions, skips + o.skips,
                spent.plus(o.spent));
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
