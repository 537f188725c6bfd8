package com.acme.analytics.realtime.alerts;

import com.acme.analytics.domain.outbound.OutboundHosts;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class WebhookBodyTest {

    private static final AlertRule RULE = AlertRuleParser.parse(Json.createReader(new StringReader(
            "{\"name\":\"Clicks\",\"metric\":{\"view\":\"dashboard\",\"field\":\"totalClicks\"},"
                    + "\"window\":\"5m\",\"condition\":{\"kind\":\"above\",\"threshold\":400}}"))
            .readValue(), OutboundHosts.parse(""));

    @Test
    void isAnAlertmanagerVersion4Body() {
        String body = WebhookBody.json("ws1", "r1", "camp_1", RULE, "m", Instant.parse("2026-12-02T12:00:00Z"),
                Instant.parse("2026-12-02T12:05:00Z"));
        JsonObject o = Json.createReader(new StringReader(body)).readObject();
        assertEquals("4", o.getString("version"));
        assertEquals("resolved", o.getString("status"));
        JsonObject alert = o.getJsonArray("alerts").getJsonObject(0);
        assertEquals("resolved", alert.getString("status"));
        assertEquals("camp_1", alert.getJsonObject("labels").getString("campaignId"));
        assertEquals("2026-12-02T12:05:00Z", alert.getString("endsAt"));
        assertEquals(16, alert.getString("fingerprint").length());
    }

    /** The value is RFC 4231's test case 2 (key "Jefe"). */
    @Test
    void signsTheBodyWithHmacSha256() {
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookBody.signature("what do ya want for nothing?", "Jefe"));
        assertNotEquals(WebhookBody.signature("a", "k1"), WebhookBody.signature("a", "k2"));
    }
}
