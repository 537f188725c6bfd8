package com.acme.analytics.web;

import com.acme.analytics.web.support.Client;
import com.acme.analytics.web.support.Client.Response;
import com.acme.analytics.web.support.Deployments;
import com.acme.analytics.web.support.Eventually;
import com.acme.analytics.web.support.InNewWorkspace;
import com.acme.analytics.web.support.ProviderServer;
import com.acme.analytics.web.support.ProviderServer.Answer;
import com.acme.analytics.web.support.Tenants;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Provider sync end to end: integrations created over REST, synced on their schedule from local servers that
 * answer like Mixpanel's Query and Export APIs and like a custom JSON source, with the failure modes of issue 11.
 */
class IntegrationsIT extends InNewWorkspace {

    private static final AtomicInteger PROJECTS = new AtomicInteger(1000);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("analytics.outbound.allowed-hosts=127.0.0.1",
                "analytics.sync.poll-interval-ms=200", "analytics.sync.backoff-base-ms=200",
                "analytics.sync.retry-backoff-ms=50");
    }

    private ProviderServer provider;
    private String path;

    @BeforeEach
    void startProvider() throws Exception {
        provider = new ProviderServer();
        path = "api/workspaces/" + org + "/integrations";
    }

    @AfterEach
    void stopProvider() {
        provider.close();
    }

    private static String q(String json) {
        return json.replace('\'', '"');
    }

    private JsonObject create(String body) throws Exception {
        Response r = client.postJson(path, q(body));
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    private JsonObject status(long id) throws Exception {
        Response r = client.get(path + "/" + id + "/status", "application/json");
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private String customBody(String url, String frequency) {
        return "{'provider':'custom','name':'stats','syncFrequency':'" + frequency + "','config':{'url':'" + url
                + "','metrics':{'total_requests':'/stats/total'},'events':{'path':'/events','id':'/id'}},"
                + "'credentials':{'headers':{'X-Api-Key':'top-secret-key'}}}";
    }

    private String mixpanelBody(int project, String frequency, String events) {
        return "{'provider':'mixpanel','name':'mp','sync_frequency':'" + frequency + "','config':{'projectId':"
                + project + ",'events':[" + events + "],'apiBaseUrl':'" + provider.base() + "','exportBaseUrl':'"
                + provider.base() + "'},'credentials':{'username':'sa.user','secret':'sa-secret'}}";
    }

    private static String exportLine(String event, long time, String insertId) {
        return "{\"event\":\"" + event + "\",\"properties\":{\"time\":" + time + ",\"distinct_id\":\"u-" + insertId
                + "\",\"$insert_id\":\"" + insertId + "\"}}";
    }

    @Test
    void syncsACustomSourceOnScheduleCountingRepeatedEventsOnceAndNeverAnswersCredentials() throws Exception {
        String events = "{'stats':{'total':1250},'events':[{'id':'c-1','type':'signup','timestamp':'"
                + Instant.now().minusSeconds(60) + "','data':{'plan':'pro'}},{'id':'c-2','type':'login'}]}";
        provider.script("/stats", new Answer(500, "{\"error\":\"busy\"}", Map.of()), Answer.ok(q(events)));
        JsonObject created = create(customBody(provider.base() + "/stats", "1s"));
        long id = created.getJsonNumber("id").longValue();
        assertEquals(Map.of("configured", true), created.getJsonObject("credentials").entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue() == jakarta.json.JsonValue.TRUE)));
        assertFalse(client.get(path + "/" + id, "application/json").body().contains("top-secret-key"));
        assertEquals(0, db.number("select count(*) from integration where id = ? and credentials like ?", id,
                "%top-secret-key%"), "credentials are stored sealed");

        Eventually.within(WAIT, "not synced three times", () -> provider.received("/stats").size() >= 4
                && status(id).getString("state").equals("idle"));
        JsonObject s = status(id);
        assertFalse(s.isNull("lastSuccessAt"), s.toString());
        assertEquals(0, s.getInt("consecutiveFailures"));
        assertEquals(1, s.getInt("recordsLastSync"), "after the first sync only the metric point is new: " + s);
        assertTrue(s.getJsonNumber("freshnessSeconds").longValue() <= 5, s.toString());
        assertTrue(s.getJsonObject("quota").getInt("totalRequests") >= 4, s.toString());
        assertEquals("top-secret-key", provider.received("/stats").get(0).apiKey());
        assertEquals(2, storedEvents(), "two events however often they are fetched");
        // Four syncs within seconds: one row per minute bucket (two when the syncs straddle a minute), never more.
        long rows = db.number("select count(*) from integration_metric where integration_id = ? and metric ="
                + " 'total_requests' and value = 1250", id);
        assertTrue(rows >= 1 && rows <= 2, rows + " rows");
    }

    @Test
    void syncsMixpanelSegmentationAndExportWithACursorAndDedupeOnInsertId() throws Exception {
        int project = PROJECTS.incrementAndGet();
        long now = Instant.now().getEpochSecond();
        provider.script("/api/query/segmentation", Answer.ok(q("{'data':{'series':['2026-12-01','2026-12-02'],"
                + "'values':{'Sign Up':{'2026-12-01':3,'2026-12-02':5}}},'legend_size':1}")));
        provider.script("/api/2.0/export", Answer.ok(String.join("\n", exportLine("Sign Up", now - 120, "i-1"),
                exportLine("Sign Up", now - 60, "i-2"), exportLine("Sign Up", now - 60, "i-2"))),
                Answer.ok(String.join("\n", exportLine("Sign Up", now - 60, "i-2"),
                        exportLine("Login", now - 30, "i-3"))));
        String body = mixpanelBody(project, "2m", "'Sign Up'");
        long id = create(body).getJsonNumber("id").longValue();
        Eventually.within(WAIT, "first sync", () -> !status(id).isNull("lastSuccessAt"));
        assertEquals(2, storedEvents(), "a line exported twice is one event");
        assertEquals("Basic " + Base64.getEncoder().encodeToString("sa.user:sa-secret".getBytes(
                StandardCharsets.UTF_8)), provider.received("/api/2.0/export").get(0).authorization());
        assertTrue(provider.received("/api/query/segmentation").get(0).query().contains("project_id=" + project));
        assertEquals(2, db.number("select count(*) from integration_metric where integration_id = ?", id));

        // A change syncs again at once; the export overlaps the first one.
        assertEquals(200, client.request("PUT", path + "/" + id, q(body), "Content-Type", "application/json")
                .status());
        Eventually.within(WAIT, "second export", () -> provider.received("/api/2.0/export").size() >= 2
                && status(id).getString("state").equals("idle"));
        Eventually.within(WAIT, "second sync stored", () -> storedEvents() == 3);
        assertEquals(1, db.number("select count(*) from raw_event where workspace_id = ? and event_id = 'i-2'",
                org));
        assertEquals(2, db.number("select count(*) from integration_metric where integration_id = ?", id),
                "re-fetched buckets overwrite their rows");
        String secondFrom = provider.received("/api/2.0/export").get(1).query();
        assertTrue(secondFrom.contains("from_date=" + java.time.LocalDate.ofInstant(Instant.ofEpochSecond(now - 60),
                java.time.ZoneOffset.UTC)), "the cursor's day: " + secondFrom);
    }

    @Test
    void waitsWhatARateLimitsRetryAfterSays() throws Exception {
        int project = PROJECTS.incrementAndGet();
        provider.script("/api/2.0/export", new Answer(429, "Query rate limit exceeded for project_id: " + project
                + ". Your project has exceeded the rate limit of 60 queries per hour (61/60 queries made).",
                Map.of("Retry-After", "3")), Answer.ok(exportLine("Sign Up", Instant.now().getEpochSecond(), "r-1")));
        long id = create(mixpanelBody(project, "1m", "")).getJsonNumber("id").longValue();
        Eventually.within(WAIT, "retried after the 429", () -> storedEvents() == 1);
        List<ProviderServer.Received> calls = provider.received("/api/2.0/export");
        assertEquals(2, calls.size(), "one refused call, one retry: no storm");
        Duration gap = Duration.between(calls.get(0).at(), calls.get(1).at());
        assertTrue(gap.toMillis() >= 2900, "retried after " + gap.toMillis() + " ms, asked for 3 s");
        Eventually.within(WAIT, "idle", () -> status(id).getString("state").equals("idle"));
    }

    @Test
    void failsOnA401WithTheProvidersMessageAndDoesNotRetry() throws Exception {
        int project = PROJECTS.incrementAndGet();
        provider.script("/api/2.0/export", new Answer(401, "{\"error\":\"Unauthorized, invalid project secret\"}",
                Map.of()));
        long id = create(mixpanelBody(project, "1m", "")).getJsonNumber("id").longValue();
        Eventually.within(WAIT, "failed", () -> status(id).getString("state").equals("failed"));
        JsonObject s = status(id);
        assertTrue(s.getString("lastError").contains("invalid project secret"), s.toString());
        assertTrue(s.isNull("nextSyncAt"), "no next sync until the integration is fixed: " + s);

        // A one-second custom integration is the clock: after it synced three times, the failed one still asked once.
        provider.script("/tick", Answer.ok("{\"stats\":{\"total\":1},\"events\":[]}"));
        create(customBody(provider.base() + "/tick", "1s"));
        Eventually.within(WAIT, "clock", () -> provider.received("/tick").size() >= 3);
        assertEquals(1, provider.received("/api/2.0/export").size(), "a refusal is not retried");
    }

    @Test
    void refusesBadRulesFieldByFieldAndAnUnknownWorkspace() throws Exception {
        Response r = client.postJson(path, q("{'provider':'mixpanel','name':'mp','syncFrequency':'30s','config':{"
                + "'projectId':1,'events':['a'],'apiBaseUrl':'http://10.0.0.7'},'credentials':{'username':'u'},"
                + "'transformations':{'avg':'median(5m)','rate':'percentage(a)'}}"));
        assertEquals(400, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        Map<String, String> errors = r.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(e -> e.getString("field"), e -> e.getString("message")));
        assertTrue(errors.get("syncFrequency").contains("60 queries an hour"), errors.toString());
        assertTrue(errors.get("transformations.avg").contains("unknown function"), errors.toString());
        assertTrue(errors.get("transformations.rate").contains("malformed expression"), errors.toString());
        assertTrue(errors.get("credentials.secret").contains("required"), errors.toString());
        assertEquals(0, client.get(path, "application/json").json().getJsonArray("integrations").size());

        Response hosts = client.postJson(path, q(customBody("http://10.0.0.7/stats", "1m")));
        assertEquals(400, hosts.status(), hosts.body());
        assertTrue(hosts.body().contains("config.url"), hosts.body());

        Response unknown = new Client(base).bearer(Tenants.operatorToken()).postJson(
                "api/workspaces/ws_nope/integrations", q(customBody(provider.base() + "/x", "1m")));
        assertEquals(404, unknown.status(), unknown.body());
    }

    private static boolean isType(JsonObject m, String type) {
        return type.equals(m.getString("type", ""));
    }

    @Test
    void pushesEachSyncsFiguresFilteredAndTransformedAndItsErrorsOverTheSocket() throws Exception {
        provider.script("/live", Answer.ok(q("{'stats':{'visits':200,'conversions':50,'ignored':7},'events':[]}")));
        long id = create("{'provider':'custom','name':'live','syncFrequency':'1s','config':{'url':'"
                + provider.base() + "/live','metrics':{'visits':'/stats/visits','conversions':'/stats/conversions',"
                + "'ignored':'/stats/ignored'},'events':{'path':'/events','id':'/id'}},'credentials':{},"
                + "'filters':{'metrics':['visits','conversions'],'events':['signup']},'transformations':{"
                + "'rate':'percentage(conversions/visits)','avg_visits':'moving_average(visits, 5m)'}}")
                .getJsonNumber("id").longValue();
        Eventually.within(WAIT, "first sync", () -> !status(id).isNull("lastSuccessAt"));
        Client.Socket socket = client.webSocket("realtime-analytics/ws/" + org);
        try {
            socket.send("{\"type\":\"start_sync\",\"integration_id\":" + id + "}");
            assertEquals(id, socket.awaitMessage(m -> isType(m, "sync_started")).getJsonNumber("integration_id")
                    .longValue());
            JsonObject update = socket.awaitMessage(m -> isType(m, "analytics_update"));
            assertEquals(id, update.getJsonNumber("integration_id").longValue());
            Instant.parse(update.getString("timestamp"));
            JsonObject metrics = update.getJsonObject("data").getJsonObject("metrics");
            assertEquals(200.0, metrics.getJsonNumber("visits").doubleValue(), metrics.toString());
            assertEquals(25.0, metrics.getJsonNumber("rate").doubleValue(), metrics.toString());
            assertEquals(200.0, metrics.getJsonNumber("avg_visits").doubleValue(), metrics.toString());
            assertFalse(metrics.containsKey("ignored"), "filtered out: " + metrics);
            assertTrue(metrics.getJsonNumber("total_requests").longValue() >= 1, metrics.toString());
            assertTrue(metrics.containsKey("successful_requests") && metrics.containsKey("failed_requests")
                    && metrics.containsKey("average_response_time"), metrics.toString());

            provider.script("/live", Answer.ok(q("{'stats':{'visits':100,'conversions':50,'ignored':1},'events':["
                    + "{'id':'s-1','type':'signup','data':{'plan':'pro'}},{'id':'s-2','type':'login'}]}")));
            JsonObject withEvents = socket.awaitMessage(m -> isType(m, "analytics_update")
                    && !m.getJsonObject("data").getJsonArray("events").isEmpty());
            var events = withEvents.getJsonObject("data").getJsonArray("events");
            assertEquals(1, events.size(), "only the listed event type: " + events);
            assertEquals("signup", events.getJsonObject(0).getString("type"));
            assertEquals("pro", events.getJsonObject(0).getJsonObject("data").getString("plan"));
            JsonObject later = socket.awaitMessage(m -> isType(m, "analytics_update") && m.getJsonObject("data")
                    .getJsonObject("metrics").getJsonNumber("visits").doubleValue() == 100.0);
            assertEquals(50.0, later.getJsonObject("data").getJsonObject("metrics").getJsonNumber("rate")
                    .doubleValue());

            provider.script("/live", new Answer(503, "{\"error\":\"down for maintenance\"}", Map.of()));
            JsonObject error = socket.awaitMessage(m -> isType(m, "error"));
            assertEquals(id, error.getJsonNumber("integration_id").longValue());
            assertTrue(error.getString("message").startsWith("Failed to sync analytics data: "), error.toString());
            assertTrue(error.getString("message").contains("down for maintenance"), error.toString());
        } finally {
            socket.close();
        }
    }
}
