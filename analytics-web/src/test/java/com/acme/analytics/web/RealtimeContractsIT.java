package com.acme.analytics.web;

import com.acme.analytics.web.support.Client;
import com.acme.analytics.web.support.Client.Response;
import com.acme.analytics.web.support.Deployments;
import com.acme.analytics.web.support.Eventually;
import com.acme.analytics.web.support.RawWebSocket;
import com.acme.analytics.web.support.Tenants;
import com.acme.analytics.web.support.TestDatabase;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every push contract against a running server, with real WebSocket and SSE clients: the dashboard socket (004),
 * the workspace stream (001), campaign subscriptions (003), the integration socket (000), the job sockets (002),
 * resumption after a dropped connection, and a client that never reads.
 */
@ExtendWith(ArquillianExtension.class)
class RealtimeContractsIT {

    private static final Duration STORED = Duration.ofSeconds(15);

    @ArquillianResource
    URL base;

    private final TestDatabase db = TestDatabase.get();
    private Client client;
    private String org;
    private String token;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application(
                "analytics.realtime.queue-capacity=50",
                "analytics.realtime.lag-grace-ms=1000",
                "analytics.realtime.send-timeout-ms=2000",
                "analytics.realtime.heartbeat-interval-ms=1000",
                "analytics.realtime.stats-interval-ms=1000",
                "analytics.realtime.subscription.idle-seconds=3",
                "analytics.realtime.subscription.heartbeat-interval-ms=1000",
                // These tests open many connections and send many events from one address and credential.
                "analytics.security.rate-limit.connections-per-address-per-second=1000",
                "analytics.security.rate-limit.ingest-per-key-per-second=100000",
                "analytics.security.rate-limit.ingest-per-address-per-second=100000",
                "analytics.security.max-connections-per-credential=1000");
    }

    /** Each test in a workspace of its own, as the workspace's admin. */
    @BeforeEach
    void newTenant() throws Exception {
        Tenants.Tenant tenant = new Tenants(new Client(base)).create();
        org = tenant.id();
        token = tenant.token("admin");
        client = new Client(base).bearer(token);
    }

    private long stored() throws Exception {
        return db.number("select count(*) from raw_event where workspace_id = ?", org);
    }

    private void awaitStored(long n) throws Exception {
        Eventually.within(STORED, n + " events not stored", () -> stored() == n);
    }

    private void ingest(String type, String campaign, String metadata) throws Exception {
        Response r = client.postJson("api/analytics/real-time", "{\"event\":{\"eventType\":\"" + type
                + "\",\"campaignId\":\"" + campaign + "\",\"organizationId\":\"" + org + "\",\"metadata\":"
                + metadata + "}}");
        assertEquals(200, r.status(), r.body());
    }

    private JsonObject track(String eventType, String eventData) throws Exception {
        Response r = client.postJson("api/workspaces/" + org + "/analytics/realtime",
                "{\"eventType\":\"" + eventType + "\",\"eventData\":" + eventData + ",\"sessionId\":\"s-1\"}");
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static boolean isType(JsonObject m, String type) {
        return m.getString("type", "").equals(type);
    }

    @Test
    void dashboardSocketPushesEventsNotificationsHeartbeatsAndResumesFromASequence() throws Exception {
        Client.Socket socket = client.webSocket("ws/realtime");
        long last;
        try {
            socket.send("{\"type\":\"subscribe\",\"data\":{\"metrics\":[\"dashboard\"],\"events\":[\"campaign\","
                    + "\"system\"],\"notifications\":true,\"real_time_updates\":true,\"organizationId\":\"" + org
                    + "\"}}");
            socket.awaitMessage(m -> isType(m, "metrics_update"));

            ingest("click", "camp_1", "{\"sessionId\":\"s-9\"}");
            JsonObject event = socket.awaitMessage(m -> isType(m, "event")).getJsonObject("data");
            assertEquals("click", event.getString("event_type"));
            assertEquals("campaign", event.getString("entity_type"));
            assertEquals("camp_1", event.getString("entity_id"));
            assertEquals("s-9", event.getJsonObject("details").getString("sessionId"));
            socket.awaitMessage(m -> isType(m, "metrics_update")
                    && m.getJsonObject("data").getJsonObject("dashboard").getInt("totalClicks") == 1);

            track("notification", "{\"title\":\"Budget\",\"message\":\"80% spent\",\"severity\":\"warning\","
                    + "\"category\":\"campaign\",\"action_url\":\"/campaigns/camp_1\"}");
            JsonObject notification = socket.awaitMessage(m -> isType(m, "notification")).getJsonObject("data");
            assertEquals("Budget", notification.getString("title"));
            assertEquals("80% spent", notification.getString("message"));
            assertEquals("warning", notification.getString("severity"));
            assertEquals("campaign", notification.getString("category"));
            assertEquals("/campaigns/camp_1", notification.getString("action_url"));
            assertTrue(notification.getJsonNumber("timestamp").longValue() > 0);

            socket.awaitMessage(m -> isType(m, "heartbeat"));

            track("task.started", "{\"taskId\":\"t-0\"}");
            last = socket.awaitMessage(m -> isType(m, "event")
                    && m.getJsonObject("data").getString("event_type").equals("task.started"))
                    .getJsonNumber("sequence").longValue();
            assertTrue(last > 0);
        } finally {
            socket.close();
        }
        awaitStored(3);

        // Missed while disconnected: replayed in order on the next subscribe, then live events follow.
        for (int i = 1; i <= 3; i++) {
            track("task.step", "{\"taskId\":\"t-" + i + "\"}");
        }
        awaitStored(6);
        Client.Socket again = client.webSocket("ws/realtime");
        try {
            again.send("{\"type\":\"subscribe\",\"data\":{\"events\":[\"system\"],\"organizationId\":\"" + org
                    + "\",\"lastSequence\":" + last + "}}");
            long previous = last;
            for (int i = 1; i <= 3; i++) {
                JsonObject m = again.awaitMessage(x -> isType(x, "event"));
                long sequence = m.getJsonNumber("sequence").longValue();
                assertTrue(sequence > previous, "in order, nothing twice: " + sequence + " after " + previous);
                assertEquals("t-" + i, m.getJsonObject("data").getJsonObject("details").getJsonObject("metadata")
                        .getString("taskId"));
                previous = sequence;
            }
            track("task.completed", "{\"taskId\":\"t-0\"}");
            JsonObject live = again.awaitMessage(x -> isType(x, "event"));
            assertEquals("task.completed", live.getJsonObject("data").getString("event_type"));
        } finally {
            again.close();
        }
    }

    @Test
    void dashboardSocketFillsTheLeadsSocialMediaAndAiAgentsCategoriesFromIngestedEvents() throws Exception {
        Client.Socket socket = client.webSocket("ws/realtime");
        try {
            socket.send("{\"type\":\"subscribe\",\"data\":{\"metrics\":[\"leads\",\"social_media\",\"ai_agents\"],"
                    + "\"real_time_updates\":true,\"organizationId\":\"" + org + "\"}}");
            JsonObject snapshot = socket.awaitMessage(m -> isType(m, "metrics_update")).getJsonObject("data");
            assertEquals(0, snapshot.getJsonObject("leads").getJsonObject("totals").getInt("leads"));

            ingest("click", "camp_l", "{}");
            ingest("conversion", "camp_l", "{}");
            track("signup", "{\"userId\":\"u-1\"}");
            track("social.share", "{\"platform\":\"linkedin\"}");
            track("social.like", "{\"platform\":\"mastodon\"}");
            track("agent.task.completed", "{\"agentId\":\"a-1\",\"durationMs\":1200}");
            track("agent.task.failed", "{\"agentId\":\"a-2\",\"durationMs\":800}");
            track("message.sent", "{}");

            JsonObject data = socket.awaitMessage(m -> isType(m, "metrics_update")
                    && m.getJsonObject("data").getJsonObject("leads").getJsonObject("totals").getInt("leads") == 2
                    && m.getJsonObject("data").getJsonObject("social_media").getJsonObject("totals")
                            .getInt("interactions") == 2
                    && m.getJsonObject("data").getJsonObject("ai_agents").getJsonObject("totals")
                            .getInt("agentEvents") == 2).getJsonObject("data");
            JsonObject leads = data.getJsonObject("leads");
            assertEquals(1, leads.getJsonObject("totals").getInt("conversions"));
            assertEquals(1, leads.getJsonObject("totals").getInt("signups"));
            assertEquals(200.0, leads.getJsonObject("totals").getJsonNumber("leadRate").doubleValue(),
                    "two leads for one click");
            assertEquals(1, leads.getJsonObject("byCampaign").getJsonObject("camp_l").getInt("leads"),
                    "the sign-up has no campaign");
            assertEquals(3600, leads.getInt("timeWindow"));

            JsonObject social = data.getJsonObject("social_media");
            assertEquals(2, social.getJsonObject("totals").getInt("platforms"));
            assertEquals(1, social.getJsonObject("totals").getInt("shares"));
            assertEquals(1, social.getJsonObject("byEventType").getJsonObject("social.like").getInt("likes"));
            assertEquals(2, social.getJsonObject("byEventType").size(), "only social event types");

            JsonObject agents = data.getJsonObject("ai_agents").getJsonObject("totals");
            assertEquals(2, agents.getInt("activeAgents"));
            assertEquals(50.0, agents.getJsonNumber("successRate").doubleValue());
            assertEquals(1000.0, agents.getJsonNumber("averageDurationMs").doubleValue());
        } finally {
            socket.close();
        }
    }

    @Test
    void eventsAnnouncedWhileTheListeningConnectionWasDownAreReplayedOnceItListensAgain() throws Exception {
        Client.Socket socket = client.webSocket("ws/realtime");
        try {
            socket.send("{\"type\":\"subscribe\",\"data\":{\"events\":[\"system\"],\"organizationId\":\"" + org
                    + "\"}}");
            socket.awaitMessage(m -> isType(m, "metrics_update"));
            track("task.step", "{\"taskId\":\"before\"}");
            long before = socket.awaitMessage(m -> isType(m, "event")).getJsonNumber("sequence").longValue();

            // In one transaction: the listener's connection is terminated (the call waits until it is gone), then
            // an event is announced as every instance announces one; no notification could reach this instance.
            try (Connection con = db.connect()) {
                con.setAutoCommit(false);
                // Materialised first, so that no other connection is looked at by pg_terminate_backend.
                try (PreparedStatement kill = con.prepareStatement("with listener as materialized (select pid from "
                        + "pg_stat_activity where application_name like 'analytics-live-listener:%') "
                        + "select count(*) filter (where pg_terminate_backend(pid, 10000)) from listener");
                     ResultSet rs = kill.executeQuery()) {
                    rs.next();
                    assertEquals(1, rs.getInt(1), "one listening connection");
                }
                try (PreparedStatement announce = con.prepareStatement("insert into realtime_outbox (last_sequence,"
                        + " payload) select n, json_build_object('n', 'elsewhere', 'f', n, 'l', n, 'e', json_build_array("
                        + " json_build_object('s', n, 'i', 'missed-' || n, 'w', ?::text, 't', 'task.step',"
                        + " 'o', to_char(now() at time zone 'utc', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), 'v', 0,"
                        + " 'm', '{\"taskId\":\"missed\"}')))::text from nextval('analytics_realtime_seq') n")) {
                    announce.setString(1, org);
                    assertEquals(1, announce.executeUpdate());
                }
                con.commit();
            }

            JsonObject missed = socket.awaitMessage(m -> isType(m, "event"));
            assertEquals("missed", missed.getJsonObject("data").getJsonObject("details").getJsonObject("metadata")
                    .getString("taskId"));
            assertTrue(missed.getJsonNumber("sequence").longValue() > before);
            track("task.step", "{\"taskId\":\"after\"}");
            JsonObject after = socket.awaitMessage(m -> isType(m, "event"));
            assertEquals("after", after.getJsonObject("data").getJsonObject("details").getJsonObject("metadata")
                    .getString("taskId"), "live again, and the replayed event not twice");
        } finally {
            socket.close();
        }
    }

    @Test
    void dashboardSocketAnswersBadMessagesWithErrorsAndStaysUsable() throws Exception {
        Client.Socket socket = client.webSocket("ws/realtime");
        try {
            socket.send("{\"type\":\"subscribe\",\"data\":{\"organizationId\":\"" + org + "\",\"pad\":\""
                    + "x".repeat(20_000) + "\"}}");
            assertEquals("message_too_large", socket.awaitMessage(m -> isType(m, "error"))
                    .getJsonObject("data").getString("code"));
            socket.send("{\"type\":\"subscribe\",\"data\":{\"organizationId\":\"" + org
                    + "\",\"lastSequence\":\"yesterday\"}}");
            assertEquals("invalid_subscription", socket.awaitMessage(m -> isType(m, "error"))
                    .getJsonObject("data").getString("code"));
            socket.send("{\"type\":\"ping\"}");
            socket.awaitMessage(m -> isType(m, "pong"));
            assertTrue(socket.isOpen());

            socket.send("{\"type\":\"subscribe\",\"data\":{\"organizationId\":\"" + org
                    + "\",\"metrics\":[\"system_health\"]}}");
            JsonObject health = socket.awaitMessage(m -> isType(m, "metrics_update")
                    && m.getJsonObject("data").containsKey("system_health")).getJsonObject("data")
                    .getJsonObject("system_health");
            assertTrue(health.getInt("connections") >= 1, health.toString());
            assertTrue(health.getJsonNumber("heapUsedMb").longValue() > 0, health.toString());
        } finally {
            socket.close();
        }
    }

    @Test
    void workspaceStreamSendsEachTrackedEventWithAnIdAndResumesFromLastEventId() throws Exception {
        String path = "api/workspaces/" + org + "/analytics/realtime";
        Client.Lines stream = client.eventStream(path);
        String lastId;
        try {
            Client.Event connected = stream.awaitFullEvent("connected");
            assertNotNull(connected.id(), "every event carries an id");
            Eventually.within(STORED, "stream not counted", () -> client.get(path, "application/json").json()
                    .getJsonObject("meta").getInt("connections") == 1);

            JsonObject answer = track("message.sent", "{\"channelId\":\"c-1\"}");
            assertTrue(answer.getBoolean("success"));
            assertEquals("message.sent", answer.getString("eventType"));
            assertEquals(1, answer.getInt("notified"));
            assertTrue(answer.containsKey("timestamp"));
            Client.Event event = stream.awaitFullEvent("event");
            assertEquals("message.sent", event.json().getString("eventType"));
            assertEquals("c-1", event.json().getJsonObject("eventData").getString("channelId"));
            assertEquals(String.valueOf(event.json().getJsonNumber("sequence").longValue()), event.id());
            lastId = event.id();
        } finally {
            stream.close();
        }
        // Stale clean-up: the server notices the dropped stream at its next write (stats every second here).
        Eventually.within(STORED, "a dropped stream still counted", () -> client.get(path, "application/json")
                .json().getJsonObject("meta").getInt("connections") == 0);
        awaitStored(1);
        track("message.sent", "{\"n\":2}");
        track("message.read", "{\"n\":3}");
        awaitStored(3);

        Client.Lines resumed = client.eventStream(path, lastId);
        try {
            assertEquals(lastId, resumed.awaitFullEvent("connected").id());
            Client.Event second = resumed.awaitFullEvent("event");
            Client.Event third = resumed.awaitFullEvent("event");
            assertEquals(2, second.json().getJsonObject("eventData").getInt("n"));
            assertEquals(3, third.json().getJsonObject("eventData").getInt("n"));
            assertTrue(Long.parseLong(second.id()) > Long.parseLong(lastId));
            assertTrue(Long.parseLong(third.id()) > Long.parseLong(second.id()));

            JsonObject closed = client.delete(path).json();
            assertTrue(closed.getBoolean("success"));
            assertEquals(1, closed.getInt("closedCount"));
            assertEquals(0, client.get(path, "application/json").json().getJsonObject("meta")
                    .getInt("connections"));
        } finally {
            resumed.close();
        }
    }

    @Test
    void dashboardSocketSubscribesWithoutOrganizationIdAnswersHeartbeatsAndNamesEntityTypes() throws Exception {
        Client.Socket socket = client.webSocket("ws/realtime");
        try {
            // 004's client names no workspace: the credential's is meant.
            socket.send("{\"type\":\"subscribe\",\"data\":{\"metrics\":[\"system_health\"],"
                    + "\"events\":[\"ai_agent\",\"social_media\"],\"real_time_updates\":true}}");
            JsonObject first = socket.awaitMessage(m -> isType(m, "metrics_update") || isType(m, "error"));
            assertEquals("metrics_update", first.getString("type"), first.toString());
            JsonObject health = first.getJsonObject("data").getJsonObject("system_health");
            assertNotNull(health, "the first update carries the subscribed system_health: " + first);
            assertEquals("healthy", health.getString("status"), health.toString());
            assertTrue(health.getJsonObject("checks").getBoolean("database"), health.toString());
            assertTrue(health.getInt("connections") >= 1, health.toString());

            socket.send("{\"type\":\"heartbeat\",\"timestamp\":1}");
            // The server's own heartbeats (every second here) carry no data; the answer is the dashboard envelope.
            socket.awaitMessage(m -> isType(m, "heartbeat") && m.containsKey("data"));
            socket.send("{\"type\":\"pong\"}");
            socket.send("{\"type\":\"ping\"}");
            JsonObject answer = socket.awaitMessage(m -> !isType(m, "heartbeat") && !isType(m, "metrics_update"));
            assertEquals("pong", answer.getString("type"), "a pong is taken silently: " + answer);

            track("agent.task.completed", "{\"agentId\":\"a-1\"}");
            track("social.share", "{\"platform\":\"linkedin\"}");
            track("task.started", "{}");
            JsonObject agent = socket.awaitMessage(m -> isType(m, "event")).getJsonObject("data");
            assertEquals("agent.task.completed", agent.getString("event_type"));
            assertEquals("ai_agent", agent.getString("entity_type"));
            JsonObject social = socket.awaitMessage(m -> isType(m, "event")).getJsonObject("data");
            assertEquals("social_media", social.getString("entity_type"));
            assertTrue(socket.pollMessage(m -> isType(m, "event"), Duration.ofSeconds(2)).isEmpty(),
                    "a system event is not among the subscribed entity types");
        } finally {
            socket.close();
        }
    }

    @Test
    void dashboardSocketReplaysMoreEventsThanItsQueueHoldsAndAgainOnTheSameSocket() throws Exception {
        String subscribe = "{\"type\":\"subscribe\",\"data\":{\"events\":[\"campaign\"],\"lastSequence\":";
        Client.Socket before = client.webSocket("ws/realtime");
        long start;
        try {
            before.send("{\"type\":\"subscribe\",\"data\":{\"events\":[\"campaign\"]}}");
            before.awaitMessage(m -> isType(m, "metrics_update"));
            ingest("click", "camp_r", "{\"n\":0}");
            start = before.awaitMessage(m -> isType(m, "event")).getJsonNumber("sequence").longValue();
        } finally {
            before.close();
        }
        // Missed while away: four times the queue of this deployment (50), all within the replay window.
        int missed = 200;
        StringBuilder batch = new StringBuilder("{\"events\":[");
        for (int i = 1; i <= missed; i++) {
            batch.append(i == 1 ? "" : ",").append("{\"eventType\":\"click\",\"campaignId\":\"camp_r\",")
                    .append("\"organizationId\":\"").append(org).append("\"}");
        }
        // Known to have gone through the hub (so into the replay window) once a later event has: a watcher of
        // system events sees the marker, and none of the clicks, which would overflow its queue.
        Client.Socket watcher = client.webSocket("ws/realtime");
        try {
            watcher.send("{\"type\":\"subscribe\",\"data\":{\"events\":[\"system\"]}}");
            watcher.awaitMessage(m -> isType(m, "metrics_update"));
            assertEquals(200, client.postJson("api/analytics/real-time", batch + "]}").status());
            awaitStored(missed + 1);
            track("task.step", "{\"marker\":true}");
            watcher.awaitMessage(m -> isType(m, "event"));
        } finally {
            watcher.close();
        }
        Client.Socket socket = client.webSocket("ws/realtime");
        try {
            for (int round = 1; round <= 2; round++) {
                // The same socket asks again from the same old sequence: everything after it comes again, in order.
                socket.send(subscribe + start + "}}");
                long previous = start;
                for (int i = 1; i <= missed; i++) {
                    JsonObject m = socket.awaitMessage(x -> isType(x, "event") || isType(x, "error"));
                    assertEquals("event", m.getString("type"), "round " + round + ", event " + i + ": " + m);
                    long sequence = m.getJsonNumber("sequence").longValue();
                    assertTrue(sequence > previous, "in order: " + sequence + " after " + previous);
                    previous = sequence;
                }
            }
            ingest("conversion", "camp_r", "{}");
            assertEquals("conversion", socket.awaitMessage(m -> isType(m, "event")).getJsonObject("data")
                    .getString("event_type"), "live events follow the replay");
            assertTrue(socket.isOpen());
        } finally {
            socket.close();
        }
    }

    @Test
    void sseResponsesAreNeitherCachedNorBuffered() throws Exception {
        Client.Lines stream = client.eventStream("api/workspaces/" + org + "/analytics/realtime");
        try {
            stream.awaitFullEvent("connected");
            assertEquals("no-cache", stream.response().headers().firstValue("Cache-Control").orElse(""));
            assertEquals("no", stream.response().headers().firstValue("X-Accel-Buffering").orElse(""));
        } finally {
            stream.close();
        }
    }

    @Test
    void trackingRefusesBadEventsWithProblems() throws Exception {
        String path = "api/workspaces/" + org + "/analytics/realtime";
        for (String[] bad : new String[][] {
                {"{\"eventType\":\"has space\"}", "eventType"},
                {"{\"eventType\":\"" + "a".repeat(101) + "\"}", "eventType"},
                {"{\"eventData\":{}}", "eventType"},
                {"{\"eventType\":\"user.active\",\"eventData\":\"x\"}", "eventData"},
                {"{\"eventType\":\"user.active\",\"sessionId\":7}", "sessionId"},
                {"{\"eventType\":", "body"}}) {
            Response r = client.postJson(path, bad[0]);
            assertEquals(400, r.status(), r.body());
            assertEquals("application/problem+json", r.contentType());
            assertEquals(bad[1], r.json().getJsonArray("errors").getJsonObject(0).getString("field"), r.body());
        }
    }

    @Test
    void campaignSubscriptionQueuesUpdatesForPollingAndStreamsThem() throws Exception {
        Response created = client.postJson("api/analytics/real-time/subscribe",
                "{\"organizationId\":\"" + org + "\",\"campaignIds\":[\"camp_a\"]}");
        assertEquals(201, created.status(), created.body());
        String id = created.json().getJsonObject("subscription").getString("id");
        JsonObject stats = client.get("api/analytics/real-time/subscribe", "application/json").json();
        assertEquals(1, stats.getJsonObject("subscriptionsByOrganization").getInt(org));
        assertTrue(stats.getInt("activeSubscriptions") >= 1);
        assertTrue(stats.containsKey("totalQueuedUpdates"));

        ingest("click", "camp_b", "{}");
        ingest("click", "camp_a", "{}");
        List<JsonObject> updates = new ArrayList<>();
        Eventually.within(STORED, "no update for camp_a", () -> {
            JsonArray polled = client.get("api/analytics/real-time/updates?subscriptionId=" + id + "&format=json",
                    "application/json").json().getJsonArray("updates");
            polled.forEach(u -> updates.add(u.asJsonObject()));
            return !updates.isEmpty();
        });
        JsonObject update = updates.get(0);
        assertEquals("update", update.getString("type"));
        assertEquals("camp_a", update.getJsonObject("data").getString("campaignId"));
        assertEquals(1, update.getJsonObject("data").getJsonObject("metrics").getInt("clicks"));
        assertTrue(updates.stream().allMatch(u -> u.getJsonObject("data").getString("campaignId").equals("camp_a")),
                "only the subscribed campaign: " + updates);

        Client.Lines stream = client.eventStream("api/analytics/real-time/updates?subscriptionId=" + id
                + "&format=sse");
        try {
            assertEquals(200, stream.response().statusCode());
            ingest("impression", "camp_a", "{}");
            JsonObject streamed;
            do {
                streamed = stream.awaitFullEvent(null).json();
            } while (streamed.getJsonObject("data").getJsonObject("metrics").getInt("impressions") == 0);
            assertEquals("update", streamed.getString("type"));
        } finally {
            stream.close();
        }

        assertEquals(200, client.delete("api/analytics/real-time/subscribe?subscriptionId=" + id).status());
        assertEquals(404, client.delete("api/analytics/real-time/subscribe?subscriptionId=" + id).status());
        assertEquals(404, client.get("api/analytics/real-time/updates?subscriptionId=" + id, "application/json")
                .status());
        Response invalid = client.postJson("api/analytics/real-time/subscribe", "{\"campaignIds\":[3]}");
        assertEquals(400, invalid.status());
        assertEquals("application/problem+json", invalid.contentType());
    }

    @Test
    void campaignSubscriptionLeftIdleIsRemoved() throws Exception {
        String id = client.postJson("api/analytics/real-time/subscribe", "{\"organizationId\":\"" + org + "\"}")
                .json().getJsonObject("subscription").getString("id");
        assertEquals(200, client.get("api/analytics/real-time/updates?subscriptionId=" + id, "application/json")
                .status());
        // Polling the subscription would keep it alive: watch the workspace's count of subscriptions instead.
        Eventually.within(Duration.ofSeconds(15), "idle subscription kept", () -> client.get(
                "api/analytics/real-time/subscribe", "application/json").json().getInt("activeSubscriptions") == 0);
        assertEquals(404, client.get("api/analytics/real-time/updates?subscriptionId=" + id, "application/json")
                .status());
    }

    @Test
    void integrationSocketSyncsAKnownIntegrationAndRefusesAnUnknownOne() throws Exception {
        Client.Socket socket = client.webSocket("realtime-analytics/ws/" + org);
        try {
            socket.send("{\"type\":\"start_sync\",\"integration_id\":42}");
            JsonObject error = socket.awaitMessage(m -> isType(m, "error"));
            assertTrue(error.getString("message").contains("42"), error.toString());

            track("workflow_started", "{\"integrationId\":42,\"workflow_id\":1}");
            awaitStored(1);
            socket.send("{\"type\":\"start_sync\",\"integration_id\":42}");
            JsonObject first = socket.awaitMessage(m -> isType(m, "analytics_update"));
            assertEquals(42, first.getInt("integration_id"));
            assertEquals(1, first.getJsonObject("data").getJsonObject("metrics").getInt("total_events"));

            track("workflow_completed", "{\"integrationId\":42}");
            JsonObject next = socket.awaitMessage(m -> isType(m, "analytics_update")
                    && !m.getJsonObject("data").getJsonArray("events").isEmpty());
            assertEquals("workflow_completed", next.getJsonObject("data").getJsonArray("events").getJsonObject(0)
                    .getString("type"));
            assertEquals(2, next.getJsonObject("data").getJsonObject("metrics").getInt("total_events"));

            socket.send("{\"type\":\"stop_sync\"}");
            socket.awaitMessage(m -> isType(m, "error"));
            socket.send("{\"type\":\"stop_sync\",\"integration_id\":42}");
            socket.awaitMessage(m -> isType(m, "sync_stopped"));
            socket.send("{\"type\":\"ping\"}");
            socket.awaitMessage(m -> isType(m, "pong"));
        } finally {
            socket.close();
        }
    }

    @Test
    void aClientThatNeverReadsIsLaggedAndDisconnectedWhileAnotherGetsEverything() throws Exception {
        String subscribe = "{\"type\":\"subscribe\",\"data\":{\"events\":[\"campaign\"],\"organizationId\":\""
                + org + "\"}}";
        try (RawWebSocket slow = new RawWebSocket(base, "ws/realtime?access_token=" + token)) {
            slow.sendText(subscribe);
            Client.Socket fast = client.webSocket("ws/realtime");
            try {
                fast.send(subscribe);
                fast.awaitMessage(m -> isType(m, "metrics_update"));
                // More than the server lets a client leave unread (1 M characters) plus its queue (50 events).
                String pad = "x".repeat(8000);
                int batches = 8;
                int perBatch = 40;
                for (int b = 0; b < batches; b++) {
                    StringBuilder batch = new StringBuilder("{\"events\":[");
                    for (int i = 0; i < perBatch; i++) {
                        batch.append(i == 0 ? "" : ",").append("{\"eventType\":\"click\",\"campaignId\":\"c\","
                                + "\"organizationId\":\"" + org + "\",\"metadata\":{\"n\":" + (b * perBatch + i)
                                + ",\"pad\":\"" + pad + "\"}}");
                    }
                    assertEquals(200, client.postJson("api/analytics/real-time", batch + "]}").status());
                }
                long previous = 0;
                for (int n = 0; n < batches * perBatch; n++) {
                    JsonObject m = fast.awaitMessage(x -> isType(x, "event"));
                    long sequence = m.getJsonNumber("sequence").longValue();
                    assertTrue(sequence > previous, "in order, nothing twice");
                    previous = sequence;
                }
                assertTrue(fast.isOpen());
            } finally {
                fast.close();
            }
            String received = slow.readUntilClosed(Duration.ofSeconds(20));
            assertNotNull(received, "the slow client was not disconnected");
            // It never reads, so the error message waits behind unread data; the close frame (1013) names the reason.
            assertTrue(received.contains("lagging"), "the slow client was not told it lags");
        }
        String metrics = new Client(base).bearer(Tenants.operatorToken()).get("metrics?scope=application",
                "text/plain").body();
        assertTrue(metrics.contains("analytics_realtime_dropped_total"), metrics);
        assertTrue(metrics.contains("analytics_realtime_lagging_disconnects_total"), metrics);
        assertFalse(metrics.contains("analytics_realtime_lagging_disconnects_total{mp_scope=\"application\"} 0.0"),
                metrics);
    }
}
