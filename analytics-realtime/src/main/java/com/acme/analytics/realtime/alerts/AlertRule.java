package com.acme.analytics.realtime.alerts;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
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

        /*
         * Written out because a record's generated equals and hashCode go through method handles that the JIT did
         * not flatten (as LiveKey's): the look-up of the rule's view by its metric, twice per rule every second, was
         * a quarter of the alert evaluation's samples (JFR, bench/alerts).
         */
        @Override
        public boolean equals(Object o) {
            return o instanceof MetricRef m && Objects.equals(view, m.view) && Objects.equals(field, m.field)
                    && Objects.equals(campaignId, m.campaignId) && Objects.equals(eventType, m.eventType);
        }

        @Override
        public int hashCode() {
            int h = Objects.hashCode(view);
            h = 31 * h + Objects.hashCode(field);
            h = 31 * h + Objects.hashCode(campaignId);
            return 31 * h + Objects.hashCode(eventType);
        }
    }

    /** Where a firing or resolved alert goes: dashboard, webhook (signed with its secret) or slack. */
    public record Channel(String type, String url, String secret) {
    }
}
