package com.acme.analytics.ingest.sync.connectors;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoogleAnalyticsConnectorTest {

    private static final JsonProvider JSON = JsonProvider.provider();

    private static JsonObject json(String text) {
        return JSON.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    @Test
    void turnsMinutesAgoIntoAbsoluteMinutesAndKeepsOtherDimensions() throws Exception {
        var points = GoogleAnalyticsConnector.points(json("{'dimensionHeaders':[{'name':'country'},"
                + "{'name':'minutesAgo'}],'metricHeaders':[{'name':'activeUsers'},{'name':'eventCount'}],"
                + "'rows':[{'dimensionValues':[{'value':'France'},{'value':'02'}],"
                + "'metricValues':[{'value':'7'},{'value':'30'}]}]}"), Instant.parse("2026-12-02T10:15:42Z"));
        assertEquals(2, points.size());
        assertEquals(Instant.parse("2026-12-02T10:13:00Z"), points.get(0).bucket());
        assertEquals(Map.of("country", "France"), points.get(0).dimensions());
        assertEquals("eventCount", points.get(1).metric());
        assertEquals(30.0, points.get(1).value());
    }

    @Test
    void asksForTheConfiguredReportWithItsQuota() {
        JsonObject body = GoogleAnalyticsConnector.body(json("{'propertyId':1,'metrics':['activeUsers'],"
                + "'dimensions':['minutesAgo']}"));
        assertTrue(body.getBoolean("returnPropertyQuota"));
        assertEquals("minutesAgo", body.getJsonArray("dimensions").getJsonObject(0).getString("name"));
        assertEquals(29, body.getJsonArray("minuteRanges").getJsonObject(0).getInt("startMinutesAgo"));
    }

    @Test
    void slowsDownAtTenPercentOfTheHourlyTokensLeft() {
        assertTrue(GoogleAnalyticsConnector.lowOnTokens(json("{'tokensPerHour':{'consumed':4500,'remaining':500}}")));
        assertFalse(GoogleAnalyticsConnector.lowOnTokens(json("{'tokensPerHour':{'consumed':4000,'remaining':1000}}")));
        assertFalse(GoogleAnalyticsConnector.lowOnTokens(json("{}")));
    }

    @Test
    void refusesAKeyThatIsNotAPrivateKey() {
        var wrong = new GoogleAnalyticsConnector().validate(json("{'propertyId':1,'metrics':['activeUsers']}"),
                json("{'client_email':'a@b','private_key':'-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----'}"));
        assertTrue(wrong.get("credentials.private_key").contains("PKCS#8"), wrong.toString());
    }
}
