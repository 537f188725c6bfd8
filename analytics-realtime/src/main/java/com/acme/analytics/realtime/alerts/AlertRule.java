package com.acme.analytics.realtime.alerts;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One alert rule of a workspace, as validated by {@link AlertRuleParser}.
 *
 * @param groupBy    null, or {@code campaignId}: one state per campaign, at most {@link #MAX_GROUPS}
 * @param mutedDays  the days (UTC) on which it neither fires nor notifies
 */
public record AlertRule(String name, MetricRef metric, Duration window, Condition condition, Duration forDuration,
                        Duration keepFiringFor, Duration cooldown, boolean alertOnNoData, String severity,
                        String groupBy, List<Channel> channels, Set<DayOfWeek> mutedDays) {

    public static final int MAX_GROUPS = 25;

    public AlertRule {
        channels = List.copyOf(channels);
        mutedDays = Set.copyOf(mutedDays);
    }

    /**
     * Which live view and field the rule watches.
     *
     * @param view       campaign, dashboard, workspace or category
     * @param campaignId the campaign of the campaign view, or null
     * @param eventType  the event type counted, or null for all
     */
    public record MetricRef(String view, String field, String campaignId, String eventType) {
    }

    /** Where a firing or resolved alert goes: dashboard, webhook (signed with its secret) or slack. */
    public record Channel(String type, String url, String secret) {
    }
}
