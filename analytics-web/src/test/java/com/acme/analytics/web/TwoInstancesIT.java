package com.acme.analytics.web;

import com.acme.analytics.web.support.Client;
import com.acme.analytics.web.support.Deployments;
import com.acme.analytics.web.support.SecondInstance;
import com.acme.analytics.web.support.Tenants;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two server processes on one database: an event ingested on either reaches the subscribers of both, once, with
 * the same sequence, so that a client may resume on the other instance.
 */
@ExtendWith(ArquillianExtension.class)
class TwoInstancesIT {

    private static final String[] CONFIG = {"analytics.realtime.cluster-feed=postgres"};

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application(CONFIG);
    }

    @Test
    void deliversAnEventIngestedOnEitherInstanceToSubscribersOfBothOnce() throws Exception {
        // Both instances share the database, so the workspace and the token (same signing secret) hold on both.
        Tenants.Tenant tenant = new Tenants(new Client(base)).create();
        String org = tenant.id();
        String token = tenant.token("admin");
        String subscribe = "{\"type\":\"subscribe\",\"data\":{\"events\":[\"campaign\"],\"organizationId\":\"" + org
                + "\"}}";
        try (SecondInstance second = SecondInstance.start(Deployments.application(CONFIG))) {
            Client one = new Client(base).bearer(token);
            Client two = new Client(second.base()).bearer(token);
            Client.Socket onOne = one.webSocket("ws/realtime");
            Client.Socket onTwo = two.webSocket("ws/realtime");
            Client.Lines streamOnTwo = two.eventStream("api/workspaces/" + org + "/analytics/realtime");
            try {
                for (Client.Socket s : List.of(onOne, onTwo)) {
                    s.send(subscribe);
                    s.awaitMessage(m -> m.getString("type").equals("metrics_update"));
                }
                streamOnTwo.awaitFullEvent("connected");

                List<Long> sequences = new ArrayList<>();
                for (Client ingestOn : List.of(one, two)) {
                    String campaign = "camp_" + UUID.randomUUID();
                    assertEquals(200, ingestOn.postJson("api/analytics/real-time", "{\"event\":{\"eventType\":"
                            + "\"click\",\"campaignId\":\"" + campaign + "\",\"organizationId\":\"" + org
                            + "\"}}").status());
                    JsonObject a = onOne.awaitMessage(m -> m.getString("type").equals("event"));
                    JsonObject b = onTwo.awaitMessage(m -> m.getString("type").equals("event"));
                    Client.Event c = streamOnTwo.awaitFullEvent("event");
                    assertEquals(campaign, a.getJsonObject("data").getString("entity_id"));
                    assertEquals(campaign, b.getJsonObject("data").getString("entity_id"));
                    assertEquals(campaign, c.json().getString("campaignId"));
                    long sequence = a.getJsonNumber("sequence").longValue();
                    assertEquals(sequence, b.getJsonNumber("sequence").longValue(), "one sequence everywhere");
                    assertEquals(Long.toString(sequence), c.id());
                    sequences.add(sequence);
                }
                assertTrue(sequences.get(1) > sequences.get(0));
                // Nothing is delivered twice: events reach each client in sequence order, so a later event that
                // arrives next proves that no copy of the earlier ones came, or will come, before it.
                String marker = "camp_" + UUID.randomUUID();
                assertEquals(200, one.postJson("api/analytics/real-time", "{\"event\":{\"eventType\":\"click\","
                        + "\"campaignId\":\"" + marker + "\",\"organizationId\":\"" + org + "\"}}").status());
                for (Client.Socket socket : List.of(onOne, onTwo)) {
                    JsonObject next = socket.awaitMessage(m -> m.getString("type").equals("event"));
                    assertEquals(marker, next.getJsonObject("data").getString("entity_id"), "delivered twice: " + next);
                }
                assertEquals(marker, streamOnTwo.awaitFullEvent("event").json().getString("campaignId"),
                        "delivered twice on the stream");
            } finally {
                onOne.close();
                onTwo.close();
                streamOnTwo.close();
            }
        }
    }
}
