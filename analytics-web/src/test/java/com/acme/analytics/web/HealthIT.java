package com.acme.analytics.web;

import com.acme.analytics.web.support.Client;
import com.acme.analytics.web.support.Client.Response;
import com.acme.analytics.web.support.Deployments;
import com.acme.analytics.web.support.Eventually;
import com.acme.analytics.web.support.InNewWorkspace;
import com.acme.analytics.web.support.Tenants;
import com.acme.analytics.web.support.TestDatabase;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /health} and the dashboards' {@code system_health} follow the database: 503 and not healthy while it is
 * unreachable, 200 and healthy again once it is back.
 */
class HealthIT extends InNewWorkspace {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("analytics.realtime.stats-interval-ms=500");
    }

    @Test
    void reportsDownWhileTheDatabaseIsUnreachableAndRecovers() throws Exception {
        Client anyone = new Client(base);
        Response up = anyone.get("health", "application/json");
        assertEquals(200, up.status(), up.body());
        assertEquals("UP", up.json().getString("status"));
        assertTrue(up.body().contains("\"database\""), up.body());
        assertTrue(up.body().contains("\"flusher\""), up.body());

        db.proxy().cut();
        try {
            Eventually.within(Duration.ofSeconds(20), "health still 200 without a database",
                    () -> anyone.get("health", "application/json").status() == 503);
            assertEquals("DOWN", anyone.get("health", "application/json").json().getString("status"));
        } finally {
            db.proxy().restore();
        }
        Eventually.within(Duration.ofSeconds(30), "health not 200 after the database came back",
                () -> anyone.get("health", "application/json").status() == 200);
    }

    /**
     * A write that found the database down puts the flusher in an outage; with no request after it, nothing but
     * the committer's own probe at the end of its backoff can see that the database is back.
     */
    @Test
    void shouldReportTheFlusherUpAgainWithoutTrafficOnceTheDatabaseIsBack() throws Exception {
        Client anyone = new Client(base);
        db.proxy().cut();
        try {
            Response refused = client.postJson("api/analytics/real-time", "{\"event\":" + event("click", "c1", "")
                    + "}");
            assertEquals(503, refused.status(), refused.body());
            assertEquals("DOWN", check(anyone.get("health", "application/json"), "flusher"));
        } finally {
            db.proxy().restore();
        }
        Eventually.within(Duration.ofSeconds(20), "the database check not UP after the database came back",
                () -> "UP".equals(check(anyone.get("health", "application/json"), "database")));
        Eventually.within(Duration.ofSeconds(20), "the flusher stayed DOWN without traffic after the database "
                + "came back", () -> anyone.get("health", "application/json").status() == 200);
        assertEquals("UP", check(anyone.get("health", "application/json"), "flusher"));
    }

    private static String check(Response health, String name) {
        return health.json().getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("name").equals(name)).findFirst().orElseThrow().getString("status");
    }

    @Test
    void answersCampaignAndDashboardReadsWith503AndRetryAfterWhileTheDatabaseIsUnreachable() throws Exception {
        Client anonymous = new Client(base);
        Tenants.Tenant tenant = new Tenants(anonymous).create();
        Client viewer = anonymous.bearer(tenant.token("viewer"));
        // A day is longer than the live windows, so the database must answer.
        List<String> reads = List.of("api/campaigns/camp_1/analytics/real-time?timeWindow=86400",
                "api/campaigns/camp_1/analytics/daily", "api/analytics/real-time/dashboard?timeWindow=86400");
        for (String read : reads) {
            assertEquals(200, viewer.get(read, "application/json").status(), read);
        }

        TestDatabase db = TestDatabase.get();
        db.proxy().cut();
        try {
            for (String read : reads) {
                Response r = viewer.get(read, "application/json");
                assertEquals(503, r.status(), read + ": " + r.body());
                assertEquals("application/problem+json", r.contentType(), read);
                assertTrue(Integer.parseInt(r.header("Retry-After")) > 0, read);
                assertTrue(r.json().getString("detail").contains("database"), r.body());
            }
        } finally {
            db.proxy().restore();
        }
        Eventually.within(Duration.ofSeconds(30), "reads not answered again after the database came back",
                () -> viewer.get(reads.get(0), "application/json").status() == 200);
    }

    @Test
    void systemHealthStatusFollowsTheDatabase() throws Exception {
        Client.Socket socket = new Client(base).bearer(tenant.token("viewer")).webSocket("ws/realtime");
        try {
            socket.send("{\"type\":\"subscribe\",\"data\":{\"metrics\":[\"system_health\"],"
                    + "\"organizationId\":\"" + org + "\"}}");
            assertEquals("healthy", awaitHealth(socket).getString("status"));

            db.proxy().cut();
            try {
                JsonObject down = socket.pollMessage(m -> isHealth(m) && !health(m).getString("status")
                        .equals("healthy"), Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError(
                        "system_health still healthy without a database"));
                assertFalse(health(down).getJsonObject("checks").getBoolean("database"), down.toString());
            } finally {
                db.proxy().restore();
            }
            assertTrue(socket.pollMessage(m -> isHealth(m) && health(m).getString("status").equals("healthy"),
                    Duration.ofSeconds(40)).isPresent(), "system_health not healthy after the database came back");
        } finally {
            socket.close();
        }
    }

    private static JsonObject awaitHealth(Client.Socket socket) throws InterruptedException {
        return health(socket.awaitMessage(HealthIT::isHealth));
    }

    private static boolean isHealth(JsonObject m) {
        return m.getString("type").equals("metrics_update") && m.getJsonObject("data").containsKey("system_health");
    }

    private static JsonObject health(JsonObject m) {
        return m.getJsonObject("data").getJsonObject("system_health");
    }
}
