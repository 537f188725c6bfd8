package com.acme.analytics.realtime.alerts;

import com.acme.analytics.domain.events.FieldViolation;
import com.acme.analytics.domain.events.InvalidInputException;
import com.acme.analytics.domain.outbound.OutboundHosts;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AlertRuleParserTest {

    private static AlertRule parse(String json, String allowed) {
        return AlertRuleParser.parse(Json.createReader(new StringReader(json)).readValue(),
                OutboundHosts.parse(allowed));
    }

    private static List<String> fields(String json, String allowed) {
        return assertThrows(InvalidInputException.class, () -> parse(json, allowed)).violations().stream()
                .map(FieldViolation::field).toList();
    }

    @Test
    void readsTheIssuesExample() {
        AlertRule r = parse("{\"name\":\"Clicks\",\"metric\":{\"view\":\"campaign\",\"field\":\"clicks\","
                + "\"campaignId\":\"camp_123\"},\"window\":\"5m\",\"condition\":{\"kind\":\"above\",\"threshold\":400},"
                + "\"for\":\"1m\",\"keepFiringFor\":\"0s\",\"cooldown\":\"15m\",\"noData\":\"ignore\","
                + "\"severity\":\"error\",\"channels\":[{\"type\":\"dashboard\"},{\"type\":\"webhook\","
                + "\"url\":\"http://127.0.0.1:9/hook\",\"secret\":\"0123456789abcdef\"}],"
                + "\"mute\":[{\"days\":[\"sat\",\"sun\"]}]}", "127.0.0.1");
        assertEquals(Duration.ofMinutes(5), r.window());
        assertEquals(Duration.ofMinutes(15), r.cooldown());
        assertEquals(new Condition.Threshold("above", 400), r.condition());
        assertEquals(2, r.channels().size());
        assertEquals(2, r.mutedDays().size());
    }

    @Test
    void namesEveryBadField() {
        assertEquals(List.of("name", "metric.field", "window", "condition.kind", "for", "severity", "channels[0].type",
                        "mute[0].days[0]"),
                fields("{\"name\":\"\",\"metric\":{\"view\":\"dashboard\",\"field\":\"nope\"},\"window\":\"5x\","
                        + "\"condition\":{\"kind\":\"sideways\"},\"for\":\"2d\",\"severity\":\"fatal\","
                        + "\"channels\":[{\"type\":\"pigeon\"}],\"mute\":[{\"days\":[\"someday\"]}]}", ""));
    }

    @Test
    void refusesALoopbackWebhookUnlessAllowed() {
        String json = "{\"name\":\"n\",\"metric\":{\"view\":\"dashboard\",\"field\":\"totalClicks\"},\"window\":\"1m\","
                + "\"condition\":{\"kind\":\"above\",\"threshold\":1},"
                + "\"channels\":[{\"type\":\"slack\",\"url\":\"http://127.0.0.1:8080/x\"}]}";
        assertEquals(List.of("channels[0].url"), fields(json, ""));
        assertEquals("slack", parse(json, "127.0.0.1").channels().get(0).type());
    }
}
