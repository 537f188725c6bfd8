package com.acme.analytics.web;

import com.acme.analytics.web.support.Client;
import com.acme.analytics.web.support.Client.Response;
import com.acme.analytics.web.support.Deployments;
import com.acme.analytics.web.support.Eventually;
import com.acme.analytics.web.support.MetricSourcesResource;
import com.acme.analytics.web.support.MixedEvents;
import com.acme.analytics.web.support.SecondInstance;
import com.acme.analytics.web.support.Tenants;
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
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live windows from memory: the same figures as from the database for a mix of late, out-of-order, future-stamped
 * and duplicate events; events stored by another instance reach its memory once; a freshly started instance
 * answers the same figures (from the database until its memory saw a whole window).
 */
@ExtendWith(ArquillianExtension.class)
class LiveWindowsIT {

    /** A short live window and clock skew, so that memory is trusted about a minute after start. */
    private static final String[] CONFIG = {"analytics.metrics.live-window-seconds=60",
            "analytics.ingest.max-future-skew-seconds=2", "analytics.realtime.cluster-feed=postgres"};
    private static final int EVENTS = 300;

    @ArquillianResource
    URL base;

    private Tenants.Tenant tenant;
    private Client client;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application(CONFIG).addClass(MetricSourcesResource.class);
    }

    @BeforeEach
    void tenant() throws Exception {
        tenant = new Tenants(new Client(base)).create();
        client = new Client(base).bearer(tenant.token("admin"));
    }

    private static JsonArray evaluate(Client on, String view, String groupBy, String campaign, long seconds,
                                      String sources) throws Exception {
        Response r = on.get("api/test/metric-sources?view=" + view + "&groupBy=" + groupBy
                + (campaign == null ? "" : "&campaignId=" + campaign) + "&window=" + seconds + "&sources=" + sources,
                "application/json");
        assertEquals(200, r.status(), r.body());
        return r.jsonArray();
    }

    /** Sends the mix twice over (the second time only duplicates) and waits until its future event is past. */
    private MixedEvents ingest(String prefix) throws Exception {
        MixedEvents events = new MixedEvents(tenant.id(), prefix, Instant.now(), EVENTS, MixedEvents.SECONDS, 10);
        Response first = client.postJson("api/analytics/real-time", events.firstBatch());
        assertEquals(200, first.status(), first.body());
        assertEquals(EVENTS, first.json().getInt("accepted"));
        assertEquals(10, client.postJson("api/analytics/real-time", events.repeatedBatch()).json()
                .getInt("duplicates"));
        // One event is stamped 1.5 s ahead: it counts only once its second is past, in memory as in the database.
        Instant latest = IntStream.range(0, EVENTS).mapToObj(events::time).max(Instant::compareTo).orElseThrow();
        Eventually.within(Duration.ofSeconds(10), "the clock never passed " + latest,
                () -> Instant.now().isAfter(latest.plusSeconds(1)));
        return events;
    }

    private void awaitMemoryTrusted() throws Exception {
        Eventually.within(Duration.ofSeconds(150), "memory never saw a whole minute",
                () -> client.get("api/test/metric-sources/live?seconds=60", "text/plain").body().equals("true"));
    }

    @Test
    void shouldGiveTheSameFiguresFromMemoryAsFromTheDatabase() throws Exception {
        awaitMemoryTrusted();
        ingest("a");
        Object[][] cases = {
                {"realTime", "NONE", "ac0", 60L},
                {"realTime", "CAMPAIGN", null, 60L},
                {"realTime", "CAMPAIGN", null, 30L},
                {"realTime", "EVENT_TYPE", null, 30L},
                {"dashboard", "NONE", null, 60L},
        };
        for (Object[] c : cases) {
            JsonArray fromMemory = evaluate(client, (String) c[0], (String) c[1], (String) c[2], (Long) c[3], "LIVE");
            assertFalse(fromMemory.isEmpty());
            assertEquals(evaluate(client, (String) c[0], (String) c[1], (String) c[2], (Long) c[3], "STORED"),
                    fromMemory, c[0] + " " + c[1] + " " + c[3]);
        }
        JsonObject memory = evaluate(client, "realTime", "NONE", "ac1", 60, "LIVE").getJsonObject(0)
                .getJsonObject("values");
        assertTrue(memory.getJsonNumber("clicks").longValue() > 0);
        assertTrue(memory.getJsonNumber("sessions").longValue() > 1);
        JsonObject answer = client.get("api/campaigns/ac1/analytics/real-time?timeWindow=60", "application/json")
                .json().getJsonObject("metrics");
        assertEquals(memory.getJsonNumber("clicks").longValue(), answer.getJsonNumber("clicks").longValue());
        assertEquals(memory.getJsonNumber("bounceRate").doubleValue(),
                answer.getJsonNumber("bounceRate").doubleValue());
        assertEquals(memory.getJsonNumber("averageViewTime").doubleValue(),
                answer.getJsonNumber("averageViewTime").doubleValue(), 0.005);
    }

    @Test
    void shouldCountEventsStoredElsewhereOnceAndAnswerTheSameAfterARestart() throws Exception {
        String token = tenant.token("admin");
        try (SecondInstance second = SecondInstance.start(Deployments.application(CONFIG)
                .addClass(MetricSourcesResource.class))) {
            Client two = new Client(second.base()).bearer(token);
            ingest("b");
            JsonArray stored = evaluate(client, "realTime", "CAMPAIGN", null, 60, "STORED");
            assertEquals(3, stored.size());
            // This instance heard its own events from the feed too, and counted them once.
            assertEquals(stored, evaluate(client, "realTime", "CAMPAIGN", null, 60, "LIVE"));
            // The other instance's memory has them from the feed, which delivers them a little later.
            Eventually.within(Duration.ofSeconds(10), "the other instance's memory never agreed",
                    () -> stored.equals(evaluate(two, "realTime", "CAMPAIGN", null, 60, "LIVE")));
            // Started after them, it has not seen a whole window: it answers from the database, the same figures.
            assertEquals(stored, evaluate(two, "realTime", "CAMPAIGN", null, 60, "ALL"));
            for (String campaign : new String[]{"bc0", "bc1", "bc2"}) {
                String path = "api/campaigns/" + campaign + "/analytics/real-time?timeWindow=60";
                JsonObject one = client.get(path, "application/json").json().getJsonObject("metrics");
                JsonObject other = two.get(path, "application/json").json().getJsonObject("metrics");
                for (String field : new String[]{"impressions", "clicks", "bounceRate", "ctr", "totalSpent"}) {
                    assertEquals(one.get(field), other.get(field), campaign + " " + field);
                }
            }
        }
    }
}
