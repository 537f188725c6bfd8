package com.acme.analytics.domain.campaigns;

import com.acme.analytics.domain.metrics.Money;

import java.util.HashMap;
import java.util.Map;
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

    /**
     * These counts as the base values of {@link CampaignViews#REAL_TIME}, so that a stored day's rates are derived
     * by the same definitions as the live ones; what a day does not keep (sessions, view time) is zero.
     */
    public Map<String, Number> asViewBase() {
        Map<String, Number> base = new HashMap<>();
        CampaignViews.REAL_TIME.baseEntries().forEach(e -> base.put(e.name(), 0L));
        base.put("averageViewTime", 0.0);
        base.put("impressions", impressions);
        base.put("clicks", clicks);
        base.put("conversions", conversions);
        base.put("views", views);
        base.put("engagements", engagements);
        base.put("completions", completions);
        base.put("skips", skips);
        base.put("spent", spent.micros());
        return base;
    }
}
