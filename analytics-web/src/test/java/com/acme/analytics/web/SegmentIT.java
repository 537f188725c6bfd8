package com.acme.analytics.web;

import com.acme.analytics.web.support.Client;
import com.acme.analytics.web.support.Client.Response;
import com.acme.analytics.web.support.Deployments;
import com.acme.analytics.web.support.Eventually;
import com.acme.analytics.web.support.InNewWorkspace;
import com.acme.analytics.web.support.Tenants;
import com.segment.analytics.Analytics;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.PageMessage;
import com.segment.analytics.messages.TrackMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Segment's tracking API: the real Segment Java SDK, pointed at this server, works unchanged. */
class SegmentIT extends InNewWorkspace {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    private long stored(String where, Object... params) throws Exception {
        Object[] all = new Object[params.length + 1];
        all[0] = tenant.id();
        System.arraycopy(params, 0, all, 1, params.length);
        return db.number("select count(*) from raw_event where workspace_id = ?" + where, all);
    }

    @Test
    void takesEventsFromTheSegmentJavaSdk() throws Exception {
        String endpoint = base.toString().replaceAll("/$", "");
        Analytics analytics = Analytics.builder(tenant.writeKey()).endpoint(endpoint).build();
        try {
            analytics.enqueue(TrackMessage.builder("click").userId("user-1").messageId("sdk-1")
                    .properties(Map.of("campaignId", "camp_sdk", "value", 1.5, "sessionId", "s-1")));
            analytics.enqueue(TrackMessage.builder("impression").userId("user-1")
                    .properties(Map.of("campaignId", "camp_sdk")));
            analytics.enqueue(IdentifyMessage.builder().userId("user-1").traits(Map.of("plan", "pro")));
            analytics.enqueue(PageMessage.builder("Home").anonymousId("anon-1"));
            analytics.flush();
        } finally {
            analytics.shutdown();
        }
        Eventually.within(Duration.ofSeconds(20), "SDK events not stored", () -> stored("") == 4);
        assertEquals(1, stored(" and event_id = 'sdk-1' and event_type = 'click' and user_id = 'user-1'"));
        assertEquals(1, stored(" and event_type = 'page' and user_id = 'anon-1'"));
        Client reader = new Client(base).bearer(tenant.token("viewer"));
        var metrics = reader.get("api/campaigns/camp_sdk/analytics/real-time", "application/json").json()
                .getJsonObject("metrics");
        assertEquals(1, metrics.getInt("clicks"));
        assertEquals(1, metrics.getInt("impressions"));
        assertEquals(1.5, metrics.getJsonNumber("totalSpent").doubleValue());
    }

    @Test
    void takesTheWriteKeyAsBasicUserOrInTheBodyAndCountsAMessageIdOnce() throws Exception {
        Client basic = new Client(base).as(Tenants.basic(tenant.writeKey()));
        String track = "{\"userId\":\"u\",\"event\":\"Signed Up\",\"messageId\":\"m-1\"}";
        Response first = basic.postJson("v1/track", track);
        assertEquals(200, first.status(), first.body());
        assertTrue(first.json().getBoolean("success"));
        Response again = new Client(base).postJson("v1/track",
                "{\"writeKey\":\"" + tenant.writeKey() + "\",\"userId\":\"u\",\"event\":\"Signed Up\",\"messageId\":\"m-1\"}");
        assertEquals(200, again.status(), again.body());
        assertEquals(1, again.json().getInt("duplicates"));
        assertEquals(1, stored(" and event_type = 'Signed Up'"));

        assertEquals(401, new Client(base).postJson("v1/track", track).status());
    }

    @Test
    void correctsTheSendersClockWithSentAt() throws Exception {
        Instant senderNow = Instant.now().plus(2, ChronoUnit.HOURS);
        String batch = "{\"sentAt\":\"" + senderNow + "\",\"batch\":[{\"type\":\"track\",\"event\":\"late\","
                + "\"userId\":\"u\",\"timestamp\":\"" + senderNow.minus(10, ChronoUnit.MINUTES) + "\"}]}";
        Response r = new Client(base).as(Tenants.basic(tenant.writeKey())).postJson("v1/batch", batch);
        assertEquals(200, r.status(), r.body());
        long minutesAgo = db.number("select round(extract(epoch from now() - occurred_at) / 60)::bigint "
                + "from raw_event where workspace_id = ?", tenant.id());
        assertTrue(minutesAgo >= 9 && minutesAgo <= 11, "stored " + minutesAgo + " minutes ago instead of 10");
    }

    @Test
    void inflatesAGzipBatchAndRejectsBadMessagesOneByOne() throws Exception {
        String batch = "{\"batch\":[{\"type\":\"track\",\"event\":\"ok\",\"userId\":\"u\"},"
                + "{\"type\":\"track\",\"userId\":\"u\"},{\"type\":\"bogus\",\"userId\":\"u\"}]}";
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(batch.getBytes(StandardCharsets.UTF_8));
        }
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(base + "v1/batch"))
                        .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                        .header("Authorization", Tenants.basic(tenant.writeKey()))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        var answer = Client.json(r.body());
        assertEquals(1, answer.getInt("accepted"));
        assertEquals(2, answer.getJsonArray("rejected").size());
        assertTrue(answer.getJsonArray("rejected").getJsonObject(0).getString("message").contains("batch[1].event"));
        assertEquals(1, stored(""));
    }

    @Test
    void refusesMoreThanSegmentsLimitsAndStoresNothing() throws Exception {
        Client basic = new Client(base).as(Tenants.basic(tenant.writeKey()));
        String big = "{\"userId\":\"u\",\"event\":\"big\",\"properties\":{\"pad\":\"" + "x".repeat(40_000) + "\"}}";
        Response tooBigMessage = basic.postJson("v1/track", big);
        assertEquals(400, tooBigMessage.status(), tooBigMessage.body());
        assertTrue(tooBigMessage.body().contains("32 KB"), tooBigMessage.body());
        StringBuilder batch = new StringBuilder("{\"batch\":[");
        for (int i = 0; i < 30; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"type\":\"track\",\"userId\":\"u\",\"event\":\"e\","
                    + "\"properties\":{\"pad\":\"").append("y".repeat(20_000)).append("\"}}");
        }
        batch.append("]}");
        Response tooBigBatch = basic.postJson("v1/batch", batch.toString());
        assertEquals(413, tooBigBatch.status());
        assertEquals("application/problem+json", tooBigBatch.contentType());
        assertEquals(0, stored(""));
    }
}
