package com.acme.analytics.realtime.alerts;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What a transition becomes: one delivery per channel, each body made once, the webhook's signed. */
class AlertDispatchTest {

    private static final Instant FIRED = Instant.parse("2026-12-02T12:00:00Z");
    private static final AlertRule RULE = AlertRuleParser.parseStored(Json.createReader(new StringReader(
            "{\"name\":\"Clicks\",\"metric\":{\"view\":\"campaign\",\"field\":\"clicks\",\"campaignId\":\"camp_123\"},"
                    + "\"window\":\"5m\",\"condition\":{\"kind\":\"above\",\"threshold\":400},\"severity\":\"error\","
                    + "\"channels\":[{\"type\":\"dashboard\"},{\"type\":\"webhook\",\"url\":\"https://hooks.example/a\","
                    + "\"secret\":\"0123456789abcdef\"},{\"type\":\"slack\",\"url\":\"https://hooks.slack.com/x\"}]}"))
            .readValue());

    private static AlertDispatch fired() {
        RuleStep.Change c = new RuleStep.Change("", AlertEvaluator.Transition.FIRED, AlertState.normal(FIRED),
                new AlertState(AlertState.Phase.FIRING, FIRED, null, FIRED, 412.0), Observation.of(412));
        return AlertDispatch.of("r1", "w1", RULE, c, FIRED);
    }

    @Test
    void aFiringGoesToEveryChannelSayingWhatCrossedWhat() {
        AlertDispatch d = fired();
        assertEquals("clicks of camp_123 in the last 5 min: 412, above 400", d.message());
        assertEquals(List.of("dashboard", "webhook", "slack"), d.deliveries().stream()
                .map(AlertDispatch.Delivery::channel).toList());
        JsonObject notice = json(d.deliveries().get(0).body());
        assertEquals(d.eventId().toString(), notice.getString("id"));
        assertEquals("Alert: Clicks", notice.getString("title"));
        assertEquals("error", notice.getString("severity"));
        assertEquals("campaign", notice.getString("category"));
        assertEquals(FIRED.toEpochMilli(), notice.getJsonNumber("timestamp").longValue());
        assertEquals("/#/alerts/r1", notice.getString("action_url"));
        assertEquals(false, notice.getBoolean("auto_dismiss"));
        assertEquals(400.0, d.threshold());
    }

    @Test
    void theWebhookIsSignedOverTheExactBodyAndSlackGetsText() {
        AlertDispatch.Delivery hook = fired().deliveries().get(1);
        assertEquals(WebhookBody.signature(hook.body(), "0123456789abcdef"), hook.signature());
        assertEquals("firing", json(hook.body()).getString("status"));
        AlertDispatch.Delivery slack = fired().deliveries().get(2);
        assertNull(slack.signature());
        assertEquals("*Alert: Clicks*\nclicks of camp_123 in the last 5 min: 412, above 400",
                json(slack.body()).getString("text"));
    }

    @Test
    void aResolutionEndsTheFiringItResolves() {
        Instant later = FIRED.plusSeconds(90);
        RuleStep.Change c = new RuleStep.Change("", AlertEvaluator.Transition.RESOLVED,
                new AlertState(AlertState.Phase.FIRING, FIRED, null, FIRED, 412.0),
                new AlertState(AlertState.Phase.RESOLVED, later, null, FIRED, 12.0), Observation.of(12));
        AlertDispatch d = AlertDispatch.of("r1", "w1", RULE, c, later);
        assertEquals(FIRED, d.startedAt());
        JsonObject alert = json(d.deliveries().get(1).body()).getJsonArray("alerts").getJsonObject(0);
        assertEquals("resolved", alert.getString("status"));
        assertEquals(FIRED.toString(), alert.getString("startsAt"));
        assertEquals(later.toString(), alert.getString("endsAt"));
        assertEquals(true, json(d.deliveries().get(0).body()).getBoolean("auto_dismiss"));
    }

    @Test
    void aSubViewHoldsOnlyTheFieldAndWhatItIsDerivedFrom() {
        assertEquals(List.of("impressions", "clicks", "ctr"), AlertReadings.viewOf(
                new AlertRule.MetricRef("campaign", "ctr", "c1", null)).entries().stream()
                .map(e -> e.name()).toList());
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
