package com.acme.analytics.web;

import com.acme.analytics.web.support.Client;
import com.acme.analytics.web.support.Client.Response;
import com.acme.analytics.web.support.Deployments;
import com.acme.analytics.web.support.Eventually;
import com.acme.analytics.web.support.InNewWorkspace;
import com.acme.analytics.web.support.SecondInstance;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The campaign document's simulator, {@code /api/analytics/real-time/simulate}: its events go through the real
 * ingest path (validated, stored, rolled up, on the dashboard), its bounds, who may use it, and what its status says
 * after a stop, a clean shutdown and a server that died.
 */
class SimulatorIT extends InNewWorkspace {

    private static final String SIMULATE = "api/analytics/real-time/simulate";
    private static final String[] CONFIG = {
            "analytics.simulator.max-events-per-minute=600",
            "analytics.simulator.max-duration-minutes=5",
            "analytics.simulator.max-burst=500",
            "analytics.simulator.max-per-workspace=2"};

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application(CONFIG);
    }

    private JsonObject simulate(Client as, String body) throws Exception {
        Response r = as.postJson(SIMULATE, body);
        assertEquals(200, r.status(), r.body());
        assertTrue(r.json().getBoolean("success"));
        return r.json();
    }

    @Test
    void shouldAnswerABurstOnceCommittedWithEveryEventOnTheDashboard() throws Exception {
        JsonObject s = simulate(client, "{\"action\":\"burst\",\"campaignIds\":[\"camp_a\",\"camp_b\"],"
                + "\"organizationId\":\"" + org + "\",\"options\":{\"count\":300}}").getJsonObject("simulation");
        assertEquals("burst", s.getString("action"));
        assertEquals("completed", s.getString("status"));
        assertEquals(300, s.getInt("generated"));
        assertEquals(300, storedEvents(), "committed before the answer");
        assertEquals(300, db.number("select count(*) from raw_event where workspace_id = ? "
                + "and metadata->>'simulated' = 'true' and metadata->>'deviceType' is not null", org));

        JsonObject summary = client.get("api/analytics/real-time/dashboard", "application/json").json()
                .getJsonObject("summary");
        assertEquals(300, summary.getInt("totalImpressions") + summary.getInt("totalClicks")
                + summary.getInt("totalConversions"), summary.toString());
        assertEquals(2, summary.getInt("activeCampaigns"));
        assertTrue(summary.getJsonNumber("totalSpent").doubleValue() > 0, "clicks cost");
    }

    @Test
    void shouldRefuseTheErrorRatesShareOfABurstAtIngestAndCountItRejected() throws Exception {
        long rejectedBefore = pipelineRejected();
        JsonObject s = simulate(client, "{\"action\":\"burst\",\"campaignIds\":[\"camp_a\"],"
                + "\"options\":{\"count\":100,\"errorRate\":0.2}}").getJsonObject("simulation");
        assertEquals(80, s.getInt("generated"));
        assertEquals(20, s.getInt("rejected"));
        assertEquals(80, storedEvents());
        assertEquals(20, pipelineRejected() - rejectedBefore);
    }

    @Test
    void shouldStoreAJourneyInOrderInOneSessionAndPushItLive() throws Exception {
        Client.Lines stream = client.eventStream("api/workspaces/" + org + "/analytics/realtime");
        JsonObject s;
        try {
            stream.awaitFullEvent("connected");
            s = simulate(client, "{\"action\":\"journey\",\"campaignIds\":[\"camp_j\"]}")
                    .getJsonObject("simulation");
            JsonObject pushed = stream.awaitFullEvent("event").json();
            assertTrue(List.of("impression", "view", "engagement", "click", "conversion")
                    .contains(pushed.getString("eventType")), pushed.toString());
            assertTrue(pushed.getJsonObject("eventData").getBoolean("simulated"), pushed.toString());
        } finally {
            stream.close();
        }
        assertEquals(5, s.getInt("generated"));
        List<String> types = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("select event_type from raw_event "
                + "where workspace_id = ? order by occurred_at")) {
            ps.setString(1, org);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
            }
        }
        assertEquals(List.of("impression", "view", "engagement", "click", "conversion"), types);
        assertEquals(1, db.number("select count(distinct session_id) from raw_event where workspace_id = ?", org));
        assertEquals(1, client.get("api/campaigns/camp_j/analytics/real-time", "application/json").json()
                .getJsonObject("metrics").getInt("conversions"));
    }

    @Test
    void shouldRunAContinuousSimulationUntilStoppedAndListIt() throws Exception {
        JsonObject started = simulate(client, "{\"action\":\"start\",\"campaignIds\":[\"camp_c\"],\"options\":"
                + "{\"eventsPerMinute\":600,\"duration\":2}}").getJsonObject("simulation");
        String id = started.getString("id");
        assertEquals("running", started.getString("status"));
        assertEquals(600, started.getInt("eventsPerMinute"));
        assertTrue(started.containsKey("endsAt"));
        Eventually.within(Duration.ofSeconds(15), "no simulated events stored", () -> storedEvents() >= 10);
        Eventually.within(Duration.ofSeconds(15), "the list does not show the events generated",
                () -> listed(id).getInt("generated") >= 10);
        JsonObject running = listed(id);
        assertEquals("running", running.getString("status"));
        assertEquals(List.of("camp_c"), running.getJsonArray("campaignIds").getValuesAs(
                jakarta.json.JsonString::getString));
        assertTrue(running.containsKey("startedAt") && running.containsKey("endsAt"));

        JsonObject stopped = simulate(client, "{\"action\":\"stop\",\"simulationId\":\"" + id + "\"}");
        assertEquals(1, stopped.getInt("stopped"));
        JsonObject s = stopped.getJsonObject("simulation");
        assertEquals("stopped", s.getString("status"));
        assertEquals("stopped by request", s.getString("reason"));
        assertEquals(s.getInt("generated"), storedEvents(), "every event generated is committed, none after");
        assertEquals("stopped", listed(id).getString("status"));
        assertEquals(s.getInt("generated"), listed(id).getInt("generated"));
    }

    @Test
    void rejectsOptionsBeyondTheConfiguredBoundsNamingTheField() throws Exception {
        assertRefused("options.eventsPerMinute", "{\"action\":\"start\",\"campaignIds\":[\"c\"],"
                + "\"options\":{\"eventsPerMinute\":601}}");
        assertRefused("options.duration", "{\"action\":\"start\",\"campaignIds\":[\"c\"],\"options\":{\"duration\":6}}");
        assertRefused("options.count", "{\"action\":\"burst\",\"campaignIds\":[\"c\"],\"options\":{\"count\":501}}");
        assertRefused("options.errorRate", "{\"action\":\"burst\",\"campaignIds\":[\"c\"],"
                + "\"options\":{\"errorRate\":1.5}}");
        assertRefused("options", "{\"action\":\"start\",\"campaignIds\":[\"c\"],"
                + "\"options\":{\"impressionRate\":0.8,\"clickRate\":0.3}}");
        assertRefused("campaignIds", "{\"action\":\"burst\"}");
        assertRefused("action", "{\"action\":\"explode\",\"campaignIds\":[\"c\"]}");

        String start = "{\"action\":\"start\",\"campaignIds\":[\"c\"],\"options\":{\"eventsPerMinute\":6}}";
        simulate(client, start);
        simulate(client, start);
        assertRefused("action", start);
        assertEquals(2, client.get(SIMULATE, "application/json").json().getInt("running"));
        assertEquals(2, simulate(client, "{\"action\":\"stop\"}").getInt("stopped"));
        assertEquals(0, client.get(SIMULATE, "application/json").json().getInt("running"));
    }

    @Test
    void admitsMembersOnly() throws Exception {
        String burst = "{\"action\":\"burst\",\"campaignIds\":[\"c\"],\"options\":{\"count\":3}}";
        Client viewer = new Client(base).bearer(tenant.token("viewer"));
        assertEquals(403, viewer.postJson(SIMULATE, burst).status());
        assertEquals(403, viewer.get(SIMULATE, "application/json").status());
        Client writeKey = new Client(base).bearer(tenant.writeKey());
        Response refused = writeKey.postJson(SIMULATE, burst);
        assertEquals(403, refused.status());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertEquals(401, new Client(base).postJson(SIMULATE, burst).status());
        assertEquals(0, storedEvents());

        Client member = new Client(base).bearer(tenant.token("member"));
        assertEquals(3, simulate(member, burst).getJsonObject("simulation").getInt("generated"));
        assertEquals(1, member.get(SIMULATE, "application/json").json().getJsonArray("simulations").size());

        Response foreign = member.postJson(SIMULATE, "{\"action\":\"burst\",\"campaignIds\":[\"c\"],"
                + "\"organizationId\":\"ws_someone_else\"}");
        assertEquals(403, foreign.status());
        assertEquals("organizationId", foreign.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(3, storedEvents());
    }

    @Test
    void shouldReportASimulationWhoseServerDiedAsInterrupted() throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("insert into simulation "
                + "(id, workspace_id, action, status, campaign_ids, events_per_minute, started_at, updated_at) "
                + "values (?, ?, 'start', 'running', '{camp_x}', 60, now() - interval '10 minutes', "
                + "now() - interval '5 minutes')")) {
            ps.setString(1, "sim_died_" + org);
            ps.setString(2, org);
            ps.executeUpdate();
        }
        JsonObject s = listed("sim_died_" + org);
        assertEquals("interrupted", s.getString("status"));
        assertTrue(s.containsKey("endedAt") && s.containsKey("reason"), s.toString());
    }

    @Test
    void shouldMarkItsSimulationsStoppedWhenTheServerStopsCleanly() throws Exception {
        String id;
        try (SecondInstance second = SecondInstance.start(Deployments.application(CONFIG))) {
            Client there = new Client(second.base()).bearer(tenant.token("member"));
            id = simulate(there, "{\"action\":\"start\",\"campaignIds\":[\"camp_s\"],"
                    + "\"options\":{\"eventsPerMinute\":120}}").getJsonObject("simulation").getString("id");
            Eventually.within(Duration.ofSeconds(15), "no simulated events stored", () -> storedEvents() >= 2);
        }
        JsonObject s = listed(id);
        assertEquals("stopped", s.getString("status"));
        assertEquals("server shutdown", s.getString("reason"));
        assertEquals(s.getInt("generated"), storedEvents(), "what it generated was written before the stop");
        assertFalse(client.get(SIMULATE, "application/json").json().getInt("running") > 0);
    }

    private JsonObject listed(String id) throws Exception {
        Response r = client.get(SIMULATE, "application/json");
        assertEquals(200, r.status(), r.body());
        return r.json().getJsonArray("simulations").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not listed: " + r.body()));
    }

    private long pipelineRejected() throws Exception {
        return client.get("api/analytics/real-time", "application/json").json().getJsonNumber("rejected")
                .longValue();
    }

    private void assertRefused(String field, String body) throws Exception {
        Response r = client.postJson(SIMULATE, body);
        assertEquals(400, r.status(), body + " -> " + r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals(field, r.json().getJsonArray("errors").getJsonObject(0).getString("field"), r.body());
    }
}
