package com.acme.analytics.web;

import com.acme.analytics.web.support.Client;
import com.acme.analytics.web.support.Deployments;
import com.acme.analytics.web.support.Eventually;
import com.acme.analytics.web.support.InNewWorkspace;
import com.acme.analytics.web.support.ProviderServer;
import com.acme.analytics.web.support.ProviderServer.Answer;
import com.acme.analytics.web.support.SecondInstance;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances share the schedule: each sync is claimed by one of them, never by both at once; a client on either
 * instance hears of every sync, and either instance answers the health of a client's sockets on both.
 */
class IntegrationsTwoInstancesIT extends InNewWorkspace {

    private static final String[] CONFIG = {"analytics.outbound.allowed-hosts=127.0.0.1",
            "analytics.sync.poll-interval-ms=100", "analytics.sync.lease-seconds=30",
            "analytics.realtime.connections.refresh-ms=500", "analytics.realtime.connections.stale-ms=3000"};

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application(CONFIG);
    }

    @Test
    void neverSyncsOneIntegrationOnTwoInstancesAtOnce() throws Exception {
        try (ProviderServer provider = new ProviderServer();
             SecondInstance second = SecondInstance.start(Deployments.application(CONFIG))) {
            // Each answer is held for at least one poll of the wait below, as long as the instances' poll period,
            // so a due integration is always wanted by both instances.
            provider.script("/stats", Answer.held("{\"stats\":{\"total\":1}}"));
            var r = client.postJson("api/workspaces/" + org + "/integrations", ("{'provider':'custom','name':'c',"
                    + "'syncFrequency':'1s','config':{'url':'" + provider.base() + "/stats','metrics':{'total':"
                    + "'/stats/total'}},'credentials':{}}").replace('\'', '"'));
            assertEquals(201, r.status(), r.body());
            long id = r.json().getJsonNumber("id").longValue();
            // One client, one socket on each instance, under the same client_id.
            Client.Socket here = client.webSocket("realtime-analytics/ws/wallboard");
            Client.Socket there = new Client(second.base()).bearer(tenant.token("admin"))
                    .webSocket("realtime-analytics/ws/wallboard");
            Updates seen = new Updates(here);
            here.send("{\"type\":\"start_sync\",\"integration_id\":" + id + "}");
            there.send("{\"type\":\"start_sync\",\"integration_id\":" + id + "}");
            Set<String> owners = ConcurrentHashMap.newKeySet();
            try {
                Eventually.within(Duration.ofSeconds(60), "both instances never took turns", () -> {
                    provider.releaseHeld();
                    String owner = leaseOwner(id);
                    if (owner != null) {
                        owners.add(owner);
                    }
                    return owners.size() >= 2 && provider.received("/stats").size() >= 6;
                });
            } catch (AssertionError e) {
                throw new AssertionError("owners " + owners + ", syncs " + provider.received("/stats").size()
                        + ", status " + client.get("api/workspaces/" + org + "/integrations/" + id + "/status",
                        "application/json").body(), e);
            }
            assertEquals(1, provider.mostInFlight(), "one sync of the integration at a time, over "
                    + provider.received("/stats").size() + " syncs by " + owners);

            // Each sync's update reached the client here, whichever instance ran it: its request count went up
            // one sync at a time, with no sync of the other instance missing. (The first update answered start_sync
            // and may show the same figures as the first sync's.)
            List<Long> totals = seen.totals(4);
            for (int i = 2; i < totals.size(); i++) {
                assertEquals(totals.get(i - 1) + 1, totals.get(i), "an update per sync here: " + totals);
            }

            String health = "api/workspaces/" + org + "/connections/wallboard";
            Eventually.within(Duration.ofSeconds(30), "the socket on the other instance not shown", () ->
                    client.get(health, "application/json").json().getJsonArray("sockets").size() == 2);
            JsonObject both = client.get(health, "application/json").json();
            assertTrue(both.getBoolean("connected"), both.toString());
            assertEquals(2, both.getJsonArray("sockets").stream().map(v -> v.asJsonObject().getString("instance"))
                    .distinct().count(), "two instances: " + both);
            assertEquals(id, both.getJsonArray("syncing").getJsonNumber(0).longValue(), both.toString());
            for (JsonValue one : both.getJsonArray("sockets")) {
                assertTrue(one.asJsonObject().getJsonNumber("messagesSent").longValue() >= 2, both.toString());
            }
            // An instance that dies leaves its rows behind; they stop counting once they are stale.
            second.kill();
            Eventually.within(Duration.ofSeconds(30), "a dead instance's socket still shown", () ->
                    client.get(health, "application/json").json().getJsonArray("sockets").size() == 1);
            assertTrue(client.get(health, "application/json").json().getBoolean("connected"));
            here.close();
            there.close();
        }
    }

    /** The {@code total_requests} of every {@code analytics_update} a socket received, in order. */
    private record Updates(Client.Socket socket) {

        /** What arrived so far, waiting for at least {@code least} updates. */
        List<Long> totals(int least) throws InterruptedException {
            List<Long> totals = new ArrayList<>();
            Optional<JsonObject> m;
            while ((m = socket.pollMessage(u -> "analytics_update".equals(u.getString("type", "")),
                    Duration.ofSeconds(totals.size() < least ? 20 : 2))).isPresent()) {
                totals.add(m.get().getJsonObject("data").getJsonObject("metrics").getJsonNumber("total_requests")
                        .longValue());
            }
            assertTrue(totals.size() >= least, "updates " + totals);
            return totals;
        }
    }

    private String leaseOwner(long id) throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "select lease_owner from integration_sync where integration_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
