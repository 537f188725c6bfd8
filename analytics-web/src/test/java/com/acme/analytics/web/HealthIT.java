package com.acme.analytics.web;

import com.acme.analytics.web.support.Client;
import com.acme.analytics.web.support.Client.Response;
import com.acme.analytics.web.support.Deployments;
import com.acme.analytics.web.support.Eventually;
import com.acme.analytics.web.support.Tenants;
import com.acme.analytics.web.support.TestDatabase;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import jakarta.json.JsonObject;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /health} and the dashboards' {@code system_health} follow the database: 503 and not healthy while it is
 * unreachable, 200 and healthy again once it is back.
 */
@ExtendWith(ArquillianExtension.class)
class HealthIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("analytics.realtime.stats-interval-ms=500");
    }

    @Test
    void reportsDownWhileTheDatabaseIsUnreachableAndRecovers() throws Exception {
        Client client = new Client(base);
        Response up = client.get("health", "application/json");
        assertEquals(200, up.status(), up.body());
        assertEquals("UP", up.json().getString("status"));
        assertTrue(up.body().contains("\"database\""), up.body());
        assertTrue(up.body().contains("\"flusher\""), up.body());

        TestDatabase db = TestDatabase.get();
        db.proxy().cut();
        try {
            Eventually.within(Duration.ofSeconds(20), "health still 200 without a database",
                    () -> client.get("health", "application/json").status() == 503);
            assertEquals("DOWN", client.get("health", "application/json").json().getString("status"));
        } finally {
            db.proxy().restore();
        }
        Eventually.within(Duration.ofSeconds(30), "health not 200 after the database came back",
                () -> client.get("health", "application/json").status() == 200);
    }

    @Test
    void systemHealthStatusFollowsTheDatabase() throws Exception {
        Tenants.Tenant tenant = new Tenants(new Client(base)).create();
        Client.Socket socket = new Client(base).bearer(tenant.token("viewer")).webSocket("ws/realtime");
        TestDatabase db = TestDatabase.get();
        try {
            socket.send("{\"type\":\"subscribe\",\"data\":{\"metrics\":[\"system_health\"],"
                    + "\"organizationId\":\"" + tenant.id() + "\"}}");
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
