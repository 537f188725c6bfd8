package com.acme.analytics.realtime.alerts;

import com.acme.analytics.domain.outbound.OutboundHosts;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AlertNoticeTest {

    private static final AlertRule RULE = AlertRuleParser.parse(Json.createReader(new StringReader(
            "{\"name\":\"Clicks\",\"metric\":{\"view\":\"campaign\",\"field\":\"clicks\",\"campaignId\":\"camp_123\"},"
                    + "\"window\":\"5m\",\"condition\":{\"kind\":\"above\",\"threshold\":400},\"severity\":\"error\"}"))
            .readValue(), OutboundHosts.parse(""));

    @Test
    void aFiringSaysWhatCrossedWhat() {
        Map<String, Object> data = AlertNotice.data("n1", RULE, null, AlertEvaluator.Transition.FIRED,
                Observation.of(412), Instant.ofEpochMilli(1000), "/alerts/r1");
        assertEquals("clicks of camp_123 in the last 5 min: 412, above 400", data.get("message"));
        assertEquals("error", data.get("severity"));
        assertEquals("campaign", data.get("category"));
        assertEquals(1000L, data.get("timestamp"));
        assertEquals(false, data.get("auto_dismiss"));
    }

    @Test
    void aResolutionSaysItNoLongerHolds() {
        Map<String, Object> data = AlertNotice.data("n2", RULE, null, AlertEvaluator.Transition.RESOLVED,
                Observation.of(120.5), Instant.ofEpochMilli(2000), "/alerts/r1");
        assertEquals("clicks of camp_123 in the last 5 min: 120.50, no longer above 400", data.get("message"));
        assertEquals("Resolved: Clicks", data.get("title"));
        assertEquals(true, data.get("auto_dismiss"));
    }
}
