package com.acme.analytics.web;

import com.acme.analytics.web.support.Client;
import com.acme.analytics.web.support.Client.Response;
import com.acme.analytics.web.support.Deployments;
import com.acme.analytics.web.support.Eventually;
import com.acme.analytics.web.support.InNewWorkspace;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One event through every module: validated at the REST edge, buffered, written by the timer-driven flusher into
 * the raw table and the daily rollup, read back as campaign metrics, and pushed to WebSocket and SSE clients.
 */
class EventEndToEndIT extends InNewWorkspace {

    private static final Duration FLUSHED = Duration.ofSeconds(15);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @Test
    void rejectsInvalidEventsNamingTheFieldAndStoresNothing() throws Exception {
        Map<String, String> badEventToField = Map.of(
                event("purchase", "camp_1", ""), "event.eventType",
                "{\"eventType\":\"click\",\"organizationId\":\"" + org + "\"}", "event.campaignId",
                "{\"eventType\":\"click\",\"campaignId\":\"camp_1\"}", "event.organizationId",
                event("click", "camp_1", ",\"value\":\"1.50\""), "event.value");
        for (var bad : badEventToField.entrySet()) {
            Response r = client.postJson("api/analytics/real-time", "{\"event\":" + bad.getKey() + "}");
            assertEquals(400, r.status(), r.body());
            assertEquals("application/problem+json", r.contentType());
            assertEquals(bad.getValue(), r.json().getJsonArray("errors").getJsonObject(0).getString("field"),
                    r.body());
        }
        Response malformed = client.postJson("api/analytics/real-time", "{\"event\": {");
        assertEquals(400, malformed.status());
        assertEquals("application/problem+json", malformed.contentType());

        // A batch of nothing but bad events is refused whole, naming each.
        Response batch = client.postJson("api/analytics/real-time", "{\"events\":[" + event("clack", "camp_1", "")
                + "," + event("click", "camp_1", ",\"value\":\"x\"") + "]}");
        assertEquals(400, batch.status());
        assertEquals("events[0].eventType", batch.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("events[1].value", batch.json().getJsonArray("errors").getJsonObject(1).getString("field"));

        // A buffered marker is flushed after whatever an earlier request left in the buffer: once it is stored,
        // nothing wrongly taken can still be on its way.
        Response marker = client.postJson("api/analytics/real-time", "{\"event\":" + event("click", "camp_marker", "")
                + "}", "Prefer", "respond-async");
        assertEquals(202, marker.status(), marker.body());
        Eventually.within(FLUSHED, "buffered marker not written", () -> storedEvents() >= 1);
        assertEquals(1, storedEvents(), "a refused event was stored");
    }

    @Test
    void storesAnAcceptedEventAndItsDailyRollupBeforeAnswering() throws Exception {
        Response click = client.postJson("api/analytics/real-time", "{\"event\":" + event("click", "camp_123",
                ",\"value\":1.50,\"metadata\":{\"sessionId\":\"session_abc\",\"deviceType\":\"mobile\"}") + "}");
        assertEquals(200, click.status(), click.body());
        assertEquals(1, click.json().getInt("accepted"));
        assertEquals("committed", click.json().getString("ack"));
        assertEquals(1, storedEvents());
        Response impressions = client.postJson("api/analytics/real-time", "{\"events\":[" + event("impression",
                "camp_123", "") + "," + event("impression", "camp_123", "") + "]}");
        assertEquals(200, impressions.status(), impressions.body());
        assertEquals(3, storedEvents());

        assertEquals(2, db.number("select impressions from campaign_analytics where workspace_id = ? "
                + "and campaign_id = 'camp_123' and day = (now() at time zone 'UTC')::date", org));
        assertEquals(1, db.number("select clicks from campaign_analytics where workspace_id = ?", org));
        assertEquals(1_500_000, db.number("select spent_micros from campaign_analytics where workspace_id = ?", org));

        JsonObject metrics = client.get("api/campaigns/camp_123/analytics/real-time?timeWindow=3600&organizationId="
                + org, "application/json").json().getJsonObject("metrics");
        assertEquals(2, metrics.getInt("impressions"));
        assertEquals(1, metrics.getInt("clicks"));
        assertEquals(50.0, metrics.getJsonNumber("ctr").doubleValue());
        assertEquals(1.5, metrics.getJsonNumber("totalSpent").doubleValue());
        assertEquals(1.5, metrics.getJsonNumber("cpc").doubleValue());
        assertEquals(0.0, metrics.getJsonNumber("conversionRate").doubleValue());
        assertEquals(0.0, metrics.getJsonNumber("cpa").doubleValue());

        JsonArray days = client.get("api/campaigns/camp_123/analytics/daily?organizationId=" + org,
                "application/json").jsonArray();
        assertEquals(1, days.size());
        assertEquals(2, days.getJsonObject(0).getInt("impressions"));
        assertEquals(50.0, days.getJsonObject(0).getJsonNumber("ctr").doubleValue());
    }

    @Test
    void writesBufferedEventsOnTheFlushTimer() throws Exception {
        Response buffered = client.postJson("api/analytics/real-time", "{\"event\":" + event("view", "camp_b", "")
                + "}", "Prefer", "respond-async");
        assertEquals(202, buffered.status(), buffered.body());
        assertEquals("buffered", buffered.json().getString("ack"));
        Eventually.within(FLUSHED, "buffered event not written", () -> storedEvents() == 1);
    }

    @Test
    void countsAnEventSentTwiceOnce() throws Exception {
        String once = "{\"event\":" + event("conversion", "camp_9", ",\"eventId\":\"ev-1\",\"value\":4") + "}";
        Response first = client.postJson("api/analytics/real-time", once);
        assertEquals(200, first.status());
        assertEquals(0, first.json().getInt("duplicates"));
        Response retry = client.postJson("api/analytics/real-time", once);
        assertEquals(200, retry.status());
        assertEquals(0, retry.json().getInt("accepted"));
        assertEquals(1, retry.json().getInt("duplicates"));
        assertEquals(1, storedEvents());
        assertEquals(1, db.number("select conversions from campaign_analytics where workspace_id = ?", org));
        assertEquals(4_000_000, db.number("select spent_micros from campaign_analytics where workspace_id = ?", org));
    }

    @Test
    void reportsThePipelineStatus() throws Exception {
        JsonObject status = client.get("api/analytics/real-time", "application/json").json();
        assertTrue(status.containsKey("bufferSize"), status.toString());
        assertTrue(status.containsKey("isProcessing"), status.toString());
        assertTrue(status.containsKey("lastFlush"), status.toString());
    }

    @Test
    void pushesAMetricsUpdateToASubscribedWebSocketAfterTheFlush() throws Exception {
        Client.Socket socket = client.webSocket("ws/realtime");
        try {
            socket.send("{\"type\":\"subscribe\",\"data\":{\"metrics\":[\"campaigns\",\"dashboard\"],"
                    + "\"events\":[\"campaign\"],\"notifications\":true,\"real_time_updates\":true,"
                    + "\"organizationId\":\"" + org + "\"}}");
            JsonObject snapshot = socket.awaitMessage(m -> m.getString("type").equals("metrics_update"));
            assertEquals(0, snapshot.getJsonObject("data").getJsonObject("dashboard").getInt("totalImpressions"));

            assertEquals(200, client.postJson("api/analytics/real-time",
                    "{\"event\":" + event("impression", "camp_ws", "") + "}").status());

            JsonObject update = socket.awaitMessage(m -> m.getString("type").equals("metrics_update")
                    && m.getJsonObject("data").getJsonObject("dashboard").getInt("totalImpressions") == 1);
            assertTrue(update.getJsonNumber("timestamp").longValue() > 0);
            JsonObject campaign = update.getJsonObject("data").getJsonObject("campaigns").getJsonArray("campaigns")
                    .getJsonObject(0);
            assertEquals("camp_ws", campaign.getString("campaignId"));
            assertEquals(1, campaign.getInt("impressions"));
        } finally {
            socket.close();
        }
    }

    @Test
    void answersPingAndReportsBadMessagesKeepingTheConnection() throws Exception {
        Client.Socket socket = client.webSocket("ws/realtime");
        try {
            socket.send("not json");
            JsonObject error = socket.awaitMessage(m -> m.getString("type").equals("error"));
            assertEquals("invalid_message", error.getJsonObject("data").getString("code"));
            socket.send("{\"type\":\"dance\"}");
            assertEquals("unknown_type", socket.awaitMessage(m -> m.getString("type").equals("error"))
                    .getJsonObject("data").getString("code"));
            socket.send("{\"type\":\"subscribe\",\"data\":{\"metrics\":[\"weather\"],\"organizationId\":\"" + org
                    + "\"}}");
            assertEquals("invalid_subscription", socket.awaitMessage(m -> m.getString("type").equals("error"))
                    .getJsonObject("data").getString("code"));
            socket.send("{\"type\":\"ping\"}");
            socket.awaitMessage(m -> m.getString("type").equals("pong"));
            assertTrue(socket.isOpen());
        } finally {
            socket.close();
        }
    }

    @Test
    void streamsConnectedThenStatsOverSse() throws Exception {
        assertEquals(200, client.postJson("api/analytics/real-time", "{\"event\":" + event("click", "camp_sse",
                ",\"metadata\":{\"sessionId\":\"s-1\"}") + "}").status());

        Client.Lines stream = client.eventStream("api/workspaces/" + org + "/analytics/realtime");
        try {
            assertEquals(200, stream.response().statusCode());
            assertTrue(stream.response().headers().firstValue("Content-Type").orElse("")
                    .startsWith("text/event-stream"));
            JsonObject connected = stream.awaitEvent("connected");
            assertEquals(org, connected.getString("workspaceId"));
            assertTrue(connected.getString("connectionId").startsWith("conn_"));
            JsonObject stats = stream.awaitEvent("stats");
            assertEquals(1, stats.getInt("activeSessions"));
            assertEquals(1, stats.getInt("activeUsers"));
            assertEquals(1, stats.getJsonObject("eventCounts").getInt("click"));

            JsonObject snapshot = client.get("api/workspaces/" + org + "/analytics/realtime", "application/json")
                    .json();
            assertEquals(1, snapshot.getJsonObject("data").getInt("activeSessions"));
            assertEquals("snapshot", snapshot.getJsonObject("meta").getString("mode"));
            assertEquals(1, snapshot.getJsonObject("meta").getInt("connections"));
        } finally {
            stream.close();
        }
    }
}
