package com.acme.analytics.realtime.live;

import java.util.Map;

/**
 * The figures of one metric category ({@code leads}, {@code social_media}, {@code ai_agents}) as a dashboard
 * receives them: the totals of the window and the same figures split, by campaign or by event type (the split a
 * category has not is null, and left out of the JSON).
 *
 * @param timeWindow  the window, in seconds up to now
 * @param totals      every figure of the category's view, by name
 * @param byCampaign  the figures per campaign that had events of the category, by campaign id
 * @param byEventType the figures per event type of the category, by type
 */
public record CategoryFigures(long timeWindow, Map<String, Number> totals, Map<String, Map<String, Number>> byCampaign,
                              Map<String, Map<String, Number>> byEventType) {
}
