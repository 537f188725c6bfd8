package com.acme.analytics.web;

import com.acme.analytics.web.support.Client;
import com.acme.analytics.web.support.Deployments;
import com.acme.analytics.web.support.InNewWorkspace;
import com.acme.analytics.web.support.Tenants;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live delivery on the pinned Payara Micro: the container-specific ways of sending are in use (the build fails when
 * an upgrade of Payara breaks one, rather than the fan-out silently halving), and the cluster feed survives
 * notifications that are not its own.
 */
class LiveDeliveryIT extends InNewWorkspace {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    private static boolean isType(JsonObject m, String type) {
        return m.getString("type", "").equals(type);
    }

    /** The value of an application gauge on {@code /metrics}, whatever tags Payara gives it. */
    private long gauge(String name) throws Exception {
        Client.Response r = new Client(base).bearer(Tenants.operatorToken()).get("metrics?scope=application",
                "text/plain");
        assertEquals(200, r.status(), r.body());
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? (\\S+)$").matcher(r.body());
        assertTrue(m.find(), name + " not on /metrics:\n" + r.body());
        return (long) Double.parseDouble(m.group(2));
    }

    @Test
    void shouldSendFramesStraightToTyrusAndReleaseTheHandshakeOnThePinnedPayara() throws Exception {
        Client.Socket socket = client.webSocket("ws/realtime");
        try {
            socket.send("{\"type\":\"ping\"}");
            socket.awaitMessage(m -> isType(m, "pong"));
            assertEquals(1, gauge("analytics_realtime_websocket_fast_send"),
                    "the fast send path is lost: Tyrus's internals changed (see TyrusInternals)");
            assertEquals(1, gauge("analytics_realtime_websocket_handshake_release"),
                    "Tyrus's handshake copies are no longer released (see TyrusInternals)");
            assertEquals(1, gauge("analytics_realtime_websocket_plain_idle_timer"),
                    "Tyrus's idle timers are back on the managed scheduler (see TyrusInternals)");
        } finally {
            socket.close();
        }
    }

    @Test
    void shouldKeepDeliveringLiveEventsAfterNotificationsNotOfTheFeedsFormat() throws Exception {
        Client.Socket socket = client.webSocket("ws/realtime");
        try {
            socket.send("{\"type\":\"subscribe\",\"data\":{\"metrics\":[\"dashboard\"],\"events\":[\"campaign\"],"
                    + "\"organizationId\":\"" + org + "\"}}");
            socket.awaitMessage(m -> isType(m, "metrics_update"));
            // Anyone who may connect to the database may notify on the feed's channel.
            for (String foreign : List.of("not json", "{\"n\":\"x\",\"f\":1,\"l\":1,\"e\":[{\"s\":1}]}", "[]")) {
                db.number("select count(*) from (select pg_notify('analytics_events', ?)) n", foreign);
            }
            String campaign = "camp_" + UUID.randomUUID();
            Client.Response r = client.postJson("api/analytics/real-time", "{\"event\":" + event("click", campaign, "")
                    + "}");
            assertEquals(200, r.status(), r.body());
            JsonObject delivered = socket.awaitMessage(m -> isType(m, "event"));
            assertEquals(campaign, delivered.getJsonObject("data").getString("entity_id"));
        } finally {
            socket.close();
        }
    }
}
