package com.acme.analytics.web;

import com.acme.analytics.web.support.Client.Response;
import com.acme.analytics.web.support.Deployments;
import com.acme.analytics.web.support.Eventually;
import com.acme.analytics.web.support.InNewWorkspace;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ingest contract's edges: partial batches, event time, limits, and what happens when the database is gone. */
class IngestContractIT extends InNewWorkspace {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @Test
    void storesTheGoodEventsOfABatchAndNamesTheBadOnes() throws Exception {
        Response r = client.postJson("api/analytics/real-time", "{\"events\":[" + event("click", "c1", "") + ","
                + event("click", "c1", ",\"value\":\"abc\"") + "," + event("impression", "c1", ",\"eventId\":\"x1\"")
                + "," + event("impression", "c1", ",\"eventId\":\"x1\"") + "]}");
        assertEquals(200, r.status(), r.body());
        JsonObject answer = r.json();
        assertEquals(2, answer.getInt("accepted"));
        assertEquals(1, answer.getInt("duplicates"));
        assertEquals(1, answer.getJsonArray("rejected").size());
        JsonObject rejected = answer.getJsonArray("rejected").getJsonObject(0);
        assertEquals(1, rejected.getInt("index"));
        assertTrue(rejected.getString("message").contains("events[1].value"), rejected.toString());
        assertEquals(2, storedEvents());
    }

    @Test
    void putsALateEventInTheMinuteAndDayItHappened() throws Exception {
        Instant threeDaysAgo = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Response r = client.postJson("api/analytics/real-time", "{\"event\":" + event("click", "late",
                ",\"timestamp\":\"" + threeDaysAgo + "\"") + "}");
        assertEquals(200, r.status(), r.body());
        assertEquals(threeDaysAgo.getEpochSecond(), db.number(
                "select extract(epoch from occurred_at)::bigint from raw_event where workspace_id = ?", org));
        LocalDate day = LocalDate.ofInstant(threeDaysAgo, ZoneOffset.UTC);
        assertEquals(1, db.number("select clicks from campaign_analytics where workspace_id = ? and day = ?", org, day));
        // Outside the last hour: today's live metrics do not count it.
        assertEquals(0, client.get("api/campaigns/late/analytics/real-time?timeWindow=3600",
                "application/json").json().getJsonObject("metrics").getInt("clicks"));
    }

    @Test
    void rejectsAnEventFromTheFarFuture() throws Exception {
        Response r = client.postJson("api/analytics/real-time", "{\"event\":" + event("click", "c1",
                ",\"timestamp\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"") + "}");
        assertEquals(400, r.status());
        assertEquals("event.timestamp", r.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(0, storedEvents());
    }

    @Test
    void refusesAnOversizeBodyBeforeReadingItAndStoresNothing() throws Exception {
        StringBuilder big = new StringBuilder("{\"events\":[");
        String one = event("impression", "c1", ",\"metadata\":{\"pad\":\"" + "x".repeat(1000) + "\"}");
        while (big.length() < 1_100_000) {
            big.append(one).append(',');
        }
        big.append(one).append("]}");
        Response r = client.postJson("api/analytics/real-time", big.toString());
        assertEquals(413, r.status());
        assertEquals("application/problem+json", r.contentType());
        assertEquals(0, storedEvents());
    }

    @Test
    void refusesMoreEventsThanABatchMayHoldAndDeepMetadata() throws Exception {
        StringBuilder many = new StringBuilder("{\"events\":[");
        for (int i = 0; i <= 1000; i++) {
            many.append(i == 0 ? "" : ",").append(event("impression", "c1", ""));
        }
        Response r = client.postJson("api/analytics/real-time", many.append("]}").toString());
        assertEquals(400, r.status(), r.body());
        assertEquals("events", r.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        Response deep = client.postJson("api/analytics/real-time", "{\"event\":" + event("click", "c1",
                ",\"metadata\":{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":1}}}}}}") + "}");
        assertEquals(400, deep.status(), deep.body());
        assertEquals("event.metadata", deep.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(0, storedEvents());
    }

    @Test
    void answers503WithRetryAfterWhileTheDatabaseIsDownAndStoresNothing() throws Exception {
        db.proxy().cut();
        Response r;
        try {
            r = client.postJson("api/analytics/real-time", "{\"event\":" + event("click", "c1",
                    ",\"eventId\":\"during-outage\"") + "}");
        } finally {
            db.proxy().restore();
        }
        assertEquals(503, r.status(), r.body());
        assertEquals("application/problem+json", r.contentType());
        assertEquals(0, storedEvents());

        // The client's retry with the same id, once the database is back, is stored once.
        assertTrue(r.header("Retry-After") != null, "no Retry-After");
        Eventually.within(Duration.ofSeconds(15), "the retry was not stored once the database came back",
                () -> client.postJson("api/analytics/real-time", "{\"event\":" + event("click", "c1",
                        ",\"eventId\":\"during-outage\"") + "}").status() == 200);
        assertEquals(1, storedEvents());
    }

    @Test
    void takesCampaignEventsOnTheCampaignPath() throws Exception {
        Response r = client.postJson("api/campaigns/camp_path/analytics/real-time",
                "{\"events\":[{\"eventType\":\"impression\",\"organizationId\":\"" + org + "\"},"
                        + event("click", "another", "") + "]}");
        assertEquals(200, r.status(), r.body());
        assertEquals(1, r.json().getInt("accepted"));
        assertTrue(r.json().getJsonArray("rejected").getJsonObject(0).getString("message").contains("camp_path"));
        assertEquals(1, db.number("select count(*) from raw_event where workspace_id = ? and campaign_id = 'camp_path'",
                org));
    }

    @Test
    void countsAcceptedRejectedAndDuplicateEventsInTheStatus() throws Exception {
        JsonObject before = client.get("api/analytics/real-time", "application/json").json();
        client.postJson("api/analytics/real-time", "{\"events\":[" + event("click", "c1", ",\"eventId\":\"s1\"")
                + "," + event("click", "c1", ",\"eventId\":\"s1\"") + "," + event("nope", "c1", "") + "]}");
        JsonObject after = client.get("api/analytics/real-time", "application/json").json();
        assertEquals(2, after.getInt("accepted") - before.getInt("accepted"));
        assertEquals(1, after.getInt("rejected") - before.getInt("rejected"));
        assertEquals(1, after.getInt("duplicates") - before.getInt("duplicates"));
        assertEquals(1, after.getInt("flushed") - before.getInt("flushed"));
        assertTrue(after.getJsonNumber("averageFlushMillis").doubleValue() > 0, after.toString());
    }
}
