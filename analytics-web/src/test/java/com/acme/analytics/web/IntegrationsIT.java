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

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
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
                "analytics.sync.retry-backoff-ms=50", "analytics.sync.request-timeout-ms=1000");
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
        // client_id is the client's own name for its connection; the credential says the workspace.
        Client.Socket socket = client.webSocket("realtime-analytics/ws/sales-dashboard.1");
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

    @Test
    void pausesAnIntegrationUntilResumedWhileOthersGoOnSyncing() throws Exception {
        provider.script("/paused", Answer.ok(q("{'stats':{'total':1},'events':[]}")));
        provider.script("/running", Answer.ok(q("{'stats':{'total':2},'events':[]}")));
        long paused = create(customBody(provider.base() + "/paused", "1s")).getJsonNumber("id").longValue();
        long running = create(customBody(provider.base() + "/running", "1s")).getJsonNumber("id").longValue();
        Eventually.within(WAIT, "first sync", () -> !status(paused).isNull("lastSuccessAt"));

        Response pause = client.postJson(path + "/" + paused + "/pause", "");
        assertEquals(200, pause.status(), pause.body());
        assertEquals("paused", pause.json().getString("state"));
        assertFalse(pause.json().isNull("pausedAt"), pause.body());
        // A sync under way when the pause came may still finish; none starts after it.
        int atPause = provider.received("/paused").size() + 1;
        int others = provider.received("/running").size();
        Eventually.within(WAIT, "the other integration stopped syncing",
                () -> provider.received("/running").size() >= others + 3);
        assertTrue(provider.received("/paused").size() <= atPause, provider.received("/paused").size()
                + " syncs of a paused integration, " + atPause + " at most");
        assertEquals("paused", status(paused).getString("state"));
        assertEquals(404, client.postJson(path + "/999999999/pause", "").status());

        Response resume = client.postJson(path + "/" + paused + "/resume", "");
        assertEquals(200, resume.status(), resume.body());
        assertTrue(resume.json().isNull("pausedAt"), resume.body());
        int before = provider.received("/paused").size();
        Eventually.within(WAIT, "not synced again after resume", () -> provider.received("/paused").size() > before
                && !status(paused).getString("state").equals("paused"));
        assertEquals(0, status(running).getInt("consecutiveFailures"));

        JsonObject current = client.get(path + "/" + running, "application/json").json();
        String put = jakarta.json.Json.createObjectBuilder(current).remove("credentials").add("paused", "yes").build()
                .toString();
        Response refused = client.request("PUT", path + "/" + running, put, "Content-Type", "application/json");
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("paused"), refused.body());
        assertFalse(status(running).getString("state").equals("paused"), "nothing changed");
        Response byPut = client.request("PUT", path + "/" + running, put.replace("\"yes\"", "true"),
                "Content-Type", "application/json");
        assertEquals(200, byPut.status(), byPut.body());
        assertEquals("paused", status(running).getString("state"));
    }

    @Test
    void answersAClientsConnectionHealthWhileItsSocketIsOpen() throws Exception {
        provider.script("/health", Answer.ok(q("{'stats':{'total':3},'events':[]}")));
        long id = create(customBody(provider.base() + "/health", "1s")).getJsonNumber("id").longValue();
        String health = "api/workspaces/" + org + "/connections/ops-board.7";
        JsonObject before = client.get(health, "application/json").json();
        assertFalse(before.getBoolean("connected"), before.toString());
        assertEquals(0, before.getJsonArray("sockets").size());

        Client.Socket socket = client.webSocket("realtime-analytics/ws/ops-board.7");
        try {
            socket.send("{\"type\":\"start_sync\",\"integration_id\":" + id + "}");
            socket.awaitMessage(m -> isType(m, "analytics_update"));
            Eventually.within(WAIT, "no ping round trip", () -> !client.get(health, "application/json").json()
                    .isNull("latencyMs"));
            JsonObject h = client.get(health, "application/json").json();
            assertTrue(h.getBoolean("connected"), h.toString());
            assertEquals(List.of((long) id), h.getJsonArray("syncing").getValuesAs(jakarta.json.JsonNumber.class)
                    .stream().map(jakarta.json.JsonNumber::longValue).toList());
            assertTrue(h.getJsonNumber("messagesSent").longValue() >= 2, "sync_started and an update: " + h);
            assertTrue(h.getJsonNumber("latencyMs").doubleValue() >= 0, h.toString());
            assertTrue(h.getInt("queued") >= 0, h.toString());
            Instant connectedAt = Instant.parse(h.getString("connectedAt"));
            assertFalse(Instant.parse(h.getString("lastMessageAt")).isBefore(connectedAt), h.toString());
            assertEquals(1, h.getJsonArray("sockets").size(), h.toString());
            long sent = h.getJsonNumber("messagesSent").longValue();
            Eventually.within(WAIT, "no count of later updates", () -> client.get(health, "application/json")
                    .json().getJsonNumber("messagesSent").longValue() > sent);

            socket.send("{\"type\":\"stop_sync\",\"integration_id\":" + id + "}");
            Eventually.within(WAIT, "still syncing after stop_sync", () -> client.get(health, "application/json")
                    .json().getJsonArray("syncing").isEmpty());
        } finally {
            socket.close();
        }
        Eventually.within(WAIT, "still connected after close", () -> !client.get(health, "application/json").json()
                .getBoolean("connected"));
        assertEquals(0, client.get("api/workspaces/" + org + "/connections/someone-else", "application/json")
                .json().getJsonArray("sockets").size(), "another client's name shows nothing");
        Response bad = client.get("api/workspaces/" + org + "/connections/" + "x".repeat(65), "application/json");
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.contentType().startsWith("application/problem+json"), bad.contentType());
        assertTrue(bad.body().contains("clientId"), bad.body());
    }

    @Test
    void syncsGoogleAnalyticsWithAServiceAccountTokenCachedAcrossSyncs() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\\n" + Base64.getEncoder().encodeToString(keys.getPrivate()
                .getEncoded()) + "\\n-----END PRIVATE KEY-----\\n";
        String tokenUrl = provider.base() + "/token";
        provider.script("/token", Answer.ok("{\"access_token\":\"ya29.test\",\"expires_in\":3599,"
                + "\"token_type\":\"Bearer\"}"));
        String report = "/v1beta/properties/123:runRealtimeReport";
        provider.script(report, Answer.ok(q("{'dimensionHeaders':[{'name':'minutesAgo'},{'name':'country'}],"
                + "'metricHeaders':[{'name':'activeUsers','type':'TYPE_INTEGER'}],'rows':["
                + "{'dimensionValues':[{'value':'00'},{'value':'France'}],'metricValues':[{'value':'7'}]},"
                + "{'dimensionValues':[{'value':'03'},{'value':'France'}],'metricValues':[{'value':'4'}]}],"
                + "'rowCount':2,'propertyQuota':{'tokensPerHour':{'consumed':12,'remaining':4988}}}")));
        String body = "{'provider':'google_analytics','name':'ga4','syncFrequency':'1m','config':{'propertyId':'123',"
                + "'metrics':['activeUsers'],'dimensions':['minutesAgo','country'],'apiBaseUrl':'" + provider.base()
                + "'},'credentials':{'type':'service_account','client_email':'sync@demo.iam.gserviceaccount.com',"
                + "'private_key_id':'k1','private_key':'" + pem + "','token_uri':'" + tokenUrl + "'}}";
        long id = create(body).getJsonNumber("id").longValue();
        Eventually.within(WAIT, "first sync", () -> !status(id).isNull("lastSuccessAt"));

        String form = provider.received("/token").get(0).body();
        assertTrue(form.startsWith("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion="),
                form);
        SignedJWT jwt = SignedJWT.parse(form.substring(form.indexOf("assertion=") + "assertion=".length()));
        assertTrue(jwt.verify(new RSASSAVerifier((RSAPublicKey) keys.getPublic())), "signed with the key");
        assertEquals("RS256", jwt.getHeader().getAlgorithm().getName());
        assertEquals("sync@demo.iam.gserviceaccount.com", jwt.getJWTClaimsSet().getIssuer());
        assertEquals(List.of(tokenUrl), jwt.getJWTClaimsSet().getAudience());
        assertEquals("https://www.googleapis.com/auth/analytics.readonly", jwt.getJWTClaimsSet().getClaim("scope"));
        long lifetime = jwt.getJWTClaimsSet().getExpirationTime().getTime()
                - jwt.getJWTClaimsSet().getIssueTime().getTime();
        assertTrue(lifetime <= 3_600_000, lifetime + " ms");
        ProviderServer.Received call = provider.received(report).get(0);
        assertEquals("Bearer ya29.test", call.authorization());
        JsonObject sent = Client.json(call.body());
        assertTrue(sent.getBoolean("returnPropertyQuota"), sent.toString());
        assertEquals("activeUsers", sent.getJsonArray("metrics").getJsonObject(0).getString("name"));
        assertEquals(3, db.number("select round(extract(epoch from max(bucket) - min(bucket)) / 60)::bigint"
                + " from integration_metric where integration_id = ? and dimensions = '{\"country\":\"France\"}'",
                id), "minutesAgo 0 and 3 are three minutes apart");
        assertEquals(4988, status(id).getJsonObject("quota").getJsonObject("tokensPerHour").getInt("remaining"));

        assertEquals(200, client.request("PUT", path + "/" + id, q(body), "Content-Type", "application/json")
                .status());
        Eventually.within(WAIT, "second sync", () -> provider.received(report).size() >= 2);
        assertEquals(1, provider.received("/token").size(), "the access token is cached until it expires");
        assertEquals(2, db.number("select count(*) from integration_metric where integration_id = ?", id),
                "the same minutes fetched again are the same rows");
    }

    @Test
    void syncsAmplitudeRealTimeSegmentationAndActiveUsers() throws Exception {
        provider.script("/api/2/events/segmentation", Answer.ok(q("{'data':{'series':[[3,5]],'seriesLabels':[0],"
                + "'xValues':['2026-12-02T10:00:00','2026-12-02T10:05:00']}}")));
        provider.script("/api/2/realtime", Answer.ok(q("{'data':{'series':[[10,12],[8,9]],'seriesLabels':"
                + "['Today','Yesterday'],'xValues':['10:00','10:01']}}")));
        long id = create("{'provider':'amplitude','name':'amp','syncFrequency':'5m','config':{'events':"
                + "['Purchase'],'apiBaseUrl':'" + provider.base() + "'},'credentials':{'apiKey':'key',"
                + "'secretKey':'secret'}}").getJsonNumber("id").longValue();
        Eventually.within(WAIT, "synced", () -> !status(id).isNull("lastSuccessAt"));
        ProviderServer.Received segmentation = provider.received("/api/2/events/segmentation").get(0);
        assertEquals("Basic " + Base64.getEncoder().encodeToString("key:secret".getBytes(StandardCharsets.UTF_8)),
                segmentation.authorization());
        assertTrue(segmentation.query().contains("i=-300000") && segmentation.query().contains("m=totals"),
                segmentation.query());
        assertTrue(java.net.URLDecoder.decode(segmentation.query(), StandardCharsets.UTF_8)
                .contains("e={\"event_type\":\"Purchase\"}"), segmentation.query());
        assertEquals(5, db.number("select value::bigint from integration_metric where integration_id = ? and"
                + " metric = 'Purchase' and bucket = '2026-12-02T10:05:00Z'", id));
        assertEquals(12, db.number("select value::bigint from integration_metric where integration_id = ? and"
                + " metric = 'active_users'", id));
        Response tooOften = client.postJson(path, q("{'provider':'amplitude','name':'amp','syncFrequency':'1m',"
                + "'config':{'events':['Purchase']},'credentials':{'apiKey':'k','secretKey':'s'}}"));
        assertEquals(400, tooOften.status(), tooOften.body());
        assertTrue(tooOften.body().contains("5-minute buckets"), tooOften.body());
    }

    @Test
    void reportsATimeoutAfterOneRetryAndAMalformedAnswer() throws Exception {
        provider.script("/slow", Answer.held("{\"stats\":{\"total\":1}}"));
        long slow = create(customBody(provider.base() + "/slow", "1m")).getJsonNumber("id").longValue();
        provider.script("/garbled", Answer.ok("<html>not json</html>"));
        long garbled = create(customBody(provider.base() + "/garbled", "1m")).getJsonNumber("id").longValue();

        Eventually.within(WAIT, "timed out", () -> status(slow).getInt("consecutiveFailures") >= 1);
        JsonObject s = status(slow);
        assertTrue(s.getString("lastError").contains("within 1000 ms"), s.toString());
        assertEquals(2, provider.received("/slow").size(), "one call and one retry");
        assertEquals(2, s.getJsonObject("quota").getInt("failedRequests"), s.toString());

        Eventually.within(WAIT, "malformed", () -> status(garbled).getInt("consecutiveFailures") >= 1);
        JsonObject g = status(garbled);
        assertTrue(g.getString("lastError").contains("not JSON"), g.toString());
        assertEquals("idle", g.getString("state"), "retried on schedule, not failed for good: " + g);
        assertFalse(g.isNull("nextSyncAt"), g.toString());
    }

    private static String hmacSha1(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void takesSegmentWebhookMessagesOnlyWithTheirSignature() throws Exception {
        String secret = "segment-shared-secret-0123";
        long id = create("{'provider':'segment','name':'seg','syncFrequency':'1m','config':{},'credentials':{"
                + "'sharedSecret':'" + secret + "'}}").getJsonNumber("id").longValue();
        String hook = "api/integrations/" + id + "/segment-webhook";
        String message = q("{'type':'track','event':'Order Completed','userId':'u-1','messageId':'seg-1',"
                + "'properties':{'revenue':12.5}}");
        Client anonymous = new Client(base);

        Response missing = anonymous.postJson(hook, message);
        assertEquals(401, missing.status(), missing.body());
        Response bad = anonymous.postJson(hook, message, "X-Signature", hmacSha1("another-secret-0123456", message));
        assertEquals(401, bad.status(), bad.body());
        Response tampered = anonymous.postJson(hook, message.replace("12.5", "99"), "X-Signature",
                hmacSha1(secret, message));
        assertEquals(401, tampered.status(), tampered.body());
        assertEquals(0, storedEvents(), "nothing unsigned is stored");

        Response good = anonymous.postJson(hook, message, "X-Signature", hmacSha1(secret, message));
        assertEquals(200, good.status(), good.body());
        Response again = anonymous.postJson(hook, message, "X-Signature", hmacSha1(secret, message));
        assertEquals(200, again.status(), again.body());
        assertEquals(1, storedEvents(), "a redelivered message counts once");
        assertEquals(1, db.number("select count(*) from raw_event where workspace_id = ? and event_id = 'seg-1'"
                + " and event_type = 'Order Completed' and metadata ->> 'integrationId' = ?", org, Long.toString(id)));
        assertEquals(404, anonymous.postJson("api/integrations/999999999/segment-webhook", message, "X-Signature",
                hmacSha1(secret, message)).status());
    }
}
