package com.acme.analytics.realtime.websocket;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.domain.metrics.Money;
import com.acme.analytics.realtime.hub.MetricCategory;
import com.acme.analytics.realtime.hub.Outbound;
import com.acme.analytics.realtime.live.SequencedEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DashboardAudienceTest {

    private static final Instant AT = Instant.parse("2026-03-21T17:00:00Z");

    private static SequencedEvent event(String type, String campaign, String metadata) {
        return new SequencedEvent(42, new TrackedEvent("ev-1", "org_1", type, campaign, AT, new Money(2_500_000),
                "s-1", "u-1", metadata));
    }

    private static JsonObject json(Outbound o) {
        return Json.createReader(new StringReader(o.text())).readObject();
    }

    @Test
    void shouldWriteAnEventOfASubscribedEntityTypeWithItsSequence() {
        DashboardAudience a = new DashboardAudience(Set.of(), Set.of("campaign"), false, true);
        Outbound o = a.event(event("click", "camp_1", "{\"k\":1}"));
        assertEquals(42, o.sequence());
        assertFalse(o.coalesced(), "events are never coalesced");
        JsonObject m = json(o);
        assertEquals("event", m.getString("type"));
        assertEquals(42, m.getInt("sequence"));
        JsonObject data = m.getJsonObject("data");
        assertEquals("click", data.getString("event_type"));
        assertEquals("campaign", data.getString("entity_type"));
        assertEquals("camp_1", data.getString("entity_id"));
        assertEquals(AT.toEpochMilli(), data.getJsonNumber("timestamp").longValue());
        assertEquals(2.5, data.getJsonObject("details").getJsonNumber("value").doubleValue());
        assertEquals(1, data.getJsonObject("details").getJsonObject("metadata").getInt("k"));
    }

    @Test
    void shouldWantMetricsOnlyWithUpdatesOnAndACategory() {
        assertTrue(new DashboardAudience(Set.of(MetricCategory.CAMPAIGNS), Set.of(), false, true).wantsMetrics());
        assertFalse(new DashboardAudience(Set.of(MetricCategory.CAMPAIGNS), Set.of(), false, false).wantsMetrics(),
                "real_time_updates off");
        assertFalse(new DashboardAudience(Set.of(), Set.of("campaign"), false, true).wantsMetrics(), "no category");
    }

    @Test
    void shouldLeaveOutEntityTypesNotSubscribed() {
        DashboardAudience a = new DashboardAudience(Set.of(), Set.of("lead"), true, true);
        assertNull(a.event(event("click", "camp_1", "{}")));
        assertEquals("lead", json(a.event(event("lead.created", null,
                "{\"entity_type\":\"lead\",\"entity_id\":\"l-7\"}"))).getJsonObject("data").getString("entity_type"));
    }

    @Test
    void shouldInferTheEntityTypeFromTheEventType() {
        DashboardAudience a = new DashboardAudience(Set.of(),
                Set.of("ai_agent", "social_media", "payment", "campaign", "system"), false, true);
        assertEquals("ai_agent", entityType(a, "agent.task.completed", null));
        assertEquals("social_media", entityType(a, "social.share", "camp_1"));
        assertEquals("payment", entityType(a, "payment.received", null));
        assertEquals("campaign", entityType(a, "click", "camp_1"));
        assertEquals("system", entityType(a, "task.started", null));
        assertEquals("system", entityType(a, "agentless", null), "a type without a dot is not a prefix");
    }

    private static String entityType(DashboardAudience a, String type, String campaign) {
        return json(a.event(event(type, campaign, "{}"))).getJsonObject("data").getString("entity_type");
    }

    @Test
    void shouldWriteANotificationWithDefaultsForWhatTheEventLeftOut() {
        DashboardAudience wants = new DashboardAudience(Set.of(), Set.of(), true, true);
        JsonObject data = json(wants.event(event("notification", null,
                "{\"title\":\"Budget\",\"severity\":\"shout\",\"auto_dismiss\":false}"))).getJsonObject("data");
        assertEquals("ev-1", data.getString("id"));
        assertEquals("Budget", data.getString("title"));
        assertEquals("", data.getString("message"));
        assertEquals("info", data.getString("severity"), "an unknown severity is info");
        assertEquals("system", data.getString("category"));
        assertFalse(data.getBoolean("auto_dismiss"));
        assertNull(new DashboardAudience(Set.of(), Set.of("system"), false, true)
                .event(event("notification", null, "{}")));
    }
}
