package com.acme.analytics.web;

import com.acme.analytics.web.support.Client;
import com.acme.analytics.web.support.Client.Response;
import com.acme.analytics.web.support.Deployments;
import com.acme.analytics.web.support.Eventually;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Campaign subscriptions (003) as their clients use them: an {@code EventSource} that comes and goes, a
 * {@code fetch()} that polls without an {@code Accept} header, an unsubscribe with the id in the body, and a stream
 * that idles behind a proxy.
 */
@ExtendWith(ArquillianExtension.class)
class CampaignSubscriptionsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String UPDATES = "api/analytics/real-time/updates?subscriptionId=";

    @ArquillianResource
    URL base;

    private Client client;
    private String org;
    private String subscription;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application(
                "analytics.realtime.subscription.heartbeat-interval-ms=500",
                "analytics.security.rate-limit.connections-per-address-per-second=1000",
                "analytics.security.rate-limit.ingest-per-key-per-second=100000",
                "analytics.security.rate-limit.ingest-per-address-per-second=100000");
    }

    /** Each test in a workspace of its own, with one subscription to campaign {@code camp_a}. */
    @BeforeEach
    void newSubscription() throws Exception {
        Tenants.Tenant tenant = new Tenants(new Client(base)).create();
        org = tenant.id();
        client = new Client(base).bearer(tenant.token("admin"));
        Response created = client.postJson("api/analytics/real-time/subscribe",
                "{\"organizationId\":\"" + org + "\",\"campaignIds\":[\"camp_a\"]}");
        assertEquals(201, created.status(), created.body());
        subscription = created.json().getJsonObject("subscription").getString("id");
    }

    private void click() throws Exception {
        Response r = client.postJson("api/analytics/real-time", "{\"event\":{\"eventType\":\"click\","
                + "\"campaignId\":\"camp_a\",\"organizationId\":\"" + org + "\"}}");
        assertEquals(200, r.status(), r.body());
    }

    private int counted() throws Exception {
        JsonObject stats = client.get("api/analytics/real-time/subscribe", "application/json").json();
        return stats.getJsonObject("subscriptionsByOrganization").getInt(org, 0);
    }

    /** The clicks of the newest update a stream carries, reading until one has at least {@code clicks}. */
    private static int awaitClicks(Client.Lines stream, int clicks) throws InterruptedException {
        while (true) {
            JsonObject update = stream.awaitFullEvent(null).json();
            int seen = update.getJsonObject("data").getJsonObject("metrics").getInt("clicks");
            if (seen >= clicks) {
                return seen;
            }
        }
    }

    @Test
    void shouldKeepASubscriptionWorkingForTheNextStreamAfterOneWentAway() throws Exception {
        Client.Lines first = client.eventStream(UPDATES + subscription + "&format=sse");
        assertEquals(200, first.response().statusCode());
        click();
        awaitClicks(first, 1);
        first.close();

        // Updates sent to the stream that went away fail; from then on they wait for the next reader again.
        int[] clicks = {1};
        Eventually.within(WAIT, "updates never waited again after the stream went away", () -> {
            click();
            clicks[0]++;
            JsonArray waited = client.get(UPDATES + subscription + "&format=json", "application/json").json()
                    .getJsonArray("updates");
            return !waited.isEmpty();
        });
        assertEquals(1, counted(), "the subscription is still counted, once");

        Client.Lines second = client.eventStream(UPDATES + subscription + "&format=sse");
        try {
            click();
            assertTrue(awaitClicks(second, clicks[0] + 1) > clicks[0], "the next stream gets live updates");
        } finally {
            second.close();
        }
        assertEquals(1, counted());
    }

    @Test
    void shouldAnswerJsonUnlessSseIsAskedForWhateverTheAcceptHeader() throws Exception {
        click();
        Eventually.within(WAIT, "no update waited", () -> {
            // As fetch() with no Accept header: bounded, since a stream in its place would never end.
            Response polled = assertTimeoutPreemptively(WAIT, () -> client.request("GET",
                    UPDATES + subscription + "&format=json", null), "a poll answered with a stream");
            assertEquals(200, polled.status(), polled.body());
            assertTrue(polled.contentType().startsWith("application/json"), polled.contentType());
            return !polled.json().getJsonArray("updates").isEmpty();
        });
        for (String path : new String[] {UPDATES + subscription, UPDATES + subscription + "&format=json"}) {
            for (String accept : new String[] {"*/*", "text/event-stream", "application/json"}) {
                Response polled = assertTimeoutPreemptively(WAIT, () -> client.get(path, accept), path + " with "
                        + accept + " answered with a stream");
                assertEquals(200, polled.status(), path + " with " + accept + ": " + polled.body());
                assertEquals(subscription, polled.json().getString("subscriptionId"), path + " with " + accept);
            }
        }
        Client.Lines stream = client.eventStream(UPDATES + subscription + "&format=sse");
        try {
            assertTrue(stream.response().headers().firstValue("Content-Type").orElse("")
                    .startsWith("text/event-stream"));
        } finally {
            stream.close();
        }
        Response unknown = client.get(UPDATES + subscription + "&format=xml", "*/*");
        assertEquals(400, unknown.status(), unknown.body());
        assertEquals("application/problem+json", unknown.contentType());
    }

    @Test
    void shouldRemoveASubscriptionNamedInTheBody() throws Exception {
        assertEquals(1, counted());
        Response removed = client.request("DELETE", "api/analytics/real-time/subscribe",
                "{\"subscriptionId\":\"" + subscription + "\"}", "Content-Type", "application/json",
                "Accept", "application/json");
        assertEquals(200, removed.status(), removed.body());
        assertTrue(removed.json().getBoolean("success"));
        assertEquals(subscription, removed.json().getString("subscriptionId"));
        assertEquals(0, counted());

        Response again = client.request("DELETE", "api/analytics/real-time/subscribe",
                "{\"subscriptionId\":\"" + subscription + "\"}", "Content-Type", "application/json");
        assertEquals(404, again.status(), again.body());
        Response none = client.request("DELETE", "api/analytics/real-time/subscribe", null);
        assertEquals(400, none.status(), none.body());
        assertEquals("application/problem+json", none.contentType());
        assertTrue(none.body().contains("subscriptionId"), none.body());
    }

    @Test
    void shouldSendHeartbeatsOnAnIdleStream() throws Exception {
        Client.Lines stream = client.eventStream(UPDATES + subscription + "&format=sse");
        try {
            assertEquals("no-cache", stream.response().headers().firstValue("Cache-Control").orElse(""));
            assertEquals("no", stream.response().headers().firstValue("X-Accel-Buffering").orElse(""));
            long deadline = System.nanoTime() + WAIT.toNanos();
            String line = stream.next();
            while (!line.startsWith(":") && System.nanoTime() < deadline) {
                line = stream.next();
            }
            assertEquals(": heartbeat", line, "an SSE comment, which EventSource ignores and proxies see as traffic");
        } finally {
            stream.close();
        }
    }
}
