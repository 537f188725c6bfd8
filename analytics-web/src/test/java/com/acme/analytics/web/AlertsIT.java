package com.acme.analytics.web;

import com.acme.analytics.web.support.Client;
import com.acme.analytics.web.support.Client.Response;
import com.acme.analytics.web.support.Deployments;
import com.acme.analytics.web.support.Eventually;
import com.acme.analytics.web.support.InNewWorkspace;
import com.acme.analytics.web.support.SecondInstance;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Alert rules over REST: stored and answered as given (secrets left out), bad rules refused field by field; a rule
 * evaluated on the live windows fires a dashboard notification and a signed webhook, resolves when its condition
 * clears, and both are in its history; a failing webhook is retried, one to a host the allow-list refuses is not
 * called.
 */
class AlertsIT extends InNewWorkspace {

    private static final String SECRET = "0123456789abcdef-hook";
    /** The local webhook receiver's port, known before the deployment so that the allow-list can name it. */
    private static final int HOOK_PORT = freePort();
    /** A receiver that holds its requests unanswered until told to answer, to keep the delivery workers busy. */
    private static final int SILENT_PORT = freePort();
    /**
     * How soon after the crossing event its notification must arrive: the 2 s (one flush interval, one
     * evaluation interval) with room for a loaded 2-core CI machine; the benchmark measures the real figure.
     */
    private static final Duration CROSSING = Duration.ofSeconds(6);

    private static final String RULE = "{\"name\":\"Clicks\",\"metric\":{\"view\":\"campaign\",\"field\":\"clicks\","
            + "\"campaignId\":\"camp_123\"},\"window\":\"5m\",\"condition\":{\"kind\":\"above\",\"threshold\":400},"
            + "\"for\":\"0\",\"cooldown\":\"15m\",\"severity\":\"error\",\"channels\":[{\"type\":\"dashboard\"},"
            + "{\"type\":\"webhook\",\"url\":\"http://127.0.0.1:9/hook\",\"secret\":\"0123456789abcdef\"}]}";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("analytics.outbound.allowed-hosts=127.0.0.1:9,127.0.0.1:" + HOOK_PORT
                        + ",127.0.0.1:" + SILENT_PORT, "analytics.alerts.retry-base-ms=200",
                "analytics.alerts.retry-max-ms=1000", "analytics.alerts.delivery-timeout-ms=20000");
    }

    /** What the local receiver got: path, signature header, body. */
    private record Hook(String path, String signature, String body) {
    }

    private final BlockingQueue<Hook> hooks = new LinkedBlockingQueue<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", HOOK_PORT), 0);
        receiver.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            hooks.add(new Hook(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("X-Analytics-Signature"),
                    new String(body, StandardCharsets.UTF_8)));
            boolean fail = exchange.getRequestURI().getPath().equals("/flaky") && failuresLeft.getAndDecrement() > 0;
            exchange.sendResponseHeaders(fail ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String hookRule(String campaign, String path) {
        return clicksRule(campaign, "{\"type\":\"dashboard\"}," + webhook(HOOK_PORT, path));
    }

    private static String webhook(int port, String path) {
        return "{\"type\":\"webhook\",\"url\":\"http://127.0.0.1:" + port + path + "\",\"secret\":\"" + SECRET
                + "\"}";
    }

    private static String clicksRule(String campaign, String channels) {
        return "{\"name\":\"Clicks\",\"metric\":{\"view\":\"campaign\",\"field\":\"clicks\",\"campaignId\":\""
                + campaign + "\"},\"window\":\"5s\",\"condition\":{\"kind\":\"above\",\"threshold\":2},"
                + "\"for\":\"0\",\"severity\":\"error\",\"channels\":[" + channels + "]}";
    }

    @Test
    void aRuleFiresOnTheDashboardAndASignedWebhookThenResolvesWhenItClearsAndBothAreInItsHistory()
            throws Exception {
        Client.Socket socket = client.webSocket("ws/realtime");
        try {
            socket.send("{\"type\":\"subscribe\",\"data\":{\"metrics\":[\"dashboard\"],\"notifications\":true,"
                    + "\"organizationId\":\"" + org + "\"}}");
            socket.awaitMessage(m -> isType(m, "metrics_update"));
            Response created = client.postJson(alerts(), hookRule("camp_a", "/hook"));
            assertEquals(201, created.status(), created.body());
            String id = created.json().getString("id");

            threeClicks("camp_a");
            JsonObject fired = socket.pollMessage(m -> isType(m, "notification"), CROSSING).orElseThrow(() ->
                    new AssertionError("no notification within " + CROSSING + " of the crossing event"))
                    .getJsonObject("data");
            assertEquals("Alert: Clicks", fired.getString("title"));
            assertEquals("clicks of camp_a in the last 5 s: 3, above 2", fired.getString("message"));
            assertEquals("error", fired.getString("severity"));
            assertEquals("campaign", fired.getString("category"));
            assertEquals("/#/alerts/" + id, fired.getString("action_url"));
            assertFalse(fired.getBoolean("auto_dismiss"));

            Hook firing = hooks.poll(CROSSING.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(firing, "no webhook within " + CROSSING);
            assertEquals("sha256=" + hmac(firing.body()), firing.signature());
            JsonObject body = Client.json(firing.body());
            assertEquals("4", body.getString("version"));
            assertEquals("firing", body.getString("status"));
            assertEquals("Clicks", body.getJsonArray("alerts").getJsonObject(0).getJsonObject("labels")
                    .getString("alertname"));

            // The clicks leave the 5 s window: the condition clears.
            JsonObject resolved = socket.pollMessage(m -> isType(m, "notification"), Duration.ofSeconds(15))
                    .orElseThrow(() -> new AssertionError("no resolution")).getJsonObject("data");
            assertEquals("Resolved: Clicks", resolved.getString("title"));
            assertEquals("success", resolved.getString("severity"));
            assertTrue(resolved.getBoolean("auto_dismiss"));
            Hook resolution = hooks.poll(CROSSING.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(resolution, "no resolution webhook");
            assertEquals("resolved", Client.json(resolution.body()).getString("status"));
            assertEquals("sha256=" + hmac(resolution.body()), resolution.signature());

            Eventually.within(Duration.ofSeconds(10), "both transitions delivered in the history", () ->
                    events(id).stream().allMatch(e -> delivered(e.asJsonObject())) && events(id).size() == 2);
            JsonArray events = events(id);
            assertEquals(List.of("resolved", "fired"), events.stream().map(e -> e.asJsonObject().getString("kind"))
                    .toList());
            JsonObject firedEvent = events.getJsonObject(1);
            assertEquals(3, firedEvent.getJsonNumber("value").intValue());
            assertEquals(2, firedEvent.getJsonNumber("threshold").intValue());
            assertEquals(List.of("dashboard", "webhook"), firedEvent.getJsonArray("deliveries").stream()
                    .map(d -> d.asJsonObject().getString("channel")).toList());
            assertTrue(socket.pollMessage(m -> isType(m, "notification"), Duration.ofSeconds(2)).isEmpty(),
                    "each transition notified once");
        } finally {
            socket.close();
        }
    }

    @Test
    void aDashboardNotificationDoesNotWaitForWebhooksThatHoldEveryDeliveryWorker() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        AtomicInteger held = new AtomicInteger();
        ExecutorService answering = Executors.newCachedThreadPool();
        HttpServer silent = HttpServer.create(new InetSocketAddress("127.0.0.1", SILENT_PORT), 0);
        silent.setExecutor(answering);
        silent.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            held.incrementAndGet();
            try {
                answer.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        silent.start();
        Client.Socket socket = subscribed(client);
        try {
            Response holding = client.postJson(alerts(), clicksRule("camp_held", "{\"type\":\"dashboard\"},"
                    + webhook(SILENT_PORT, "/hold1") + "," + webhook(SILENT_PORT, "/hold2")));
            assertEquals(201, holding.status(), holding.body());
            threeClicks("camp_held");
            // The configured two workers each wait for an answer now (20 s timeout).
            Eventually.within(CROSSING, "both delivery workers held by the silent receiver", () -> held.get() == 2);

            // Created between two renewals of this instance's leases: a rule never leased is free, and taken by the
            // next tick, not the next renewal (5 s later, when the clicks have left the window).
            Response created = client.postJson(alerts(), clicksRule("camp_free", "{\"type\":\"dashboard\"}"));
            assertEquals(201, created.status(), created.body());
            threeClicks("camp_free");
            assertTrue(socket.pollMessage(m -> isType(m, "notification") && m.getJsonObject("data").getString("message")
                            .equals("clicks of camp_free in the last 5 s: 3, above 2"), CROSSING).isPresent(),
                    "no notification within " + CROSSING + " while the workers were held");
            assertEquals(2, held.get(), "the held webhooks were sent once each, not retried meanwhile");
        } finally {
            answer.countDown();
            socket.close();
            silent.stop(1);
            answering.shutdown();
        }
    }

    @Test
    void aFailingWebhookIsRetriedWithBackoffAndEachAttemptIsInTheHistory() throws Exception {
        failuresLeft.set(2);
        Response created = client.postJson(alerts(), hookRule("camp_b", "/flaky"));
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("id");
        Response test = client.postJson(alerts() + "/" + id + "/test", "");
        assertEquals(202, test.status(), test.body());

        Eventually.within(Duration.ofSeconds(20), "the test delivered after two failures", () ->
                webhookOf(events(id).getJsonObject(0)).getString("status").equals("delivered"));
        JsonArray attempts = webhookOf(events(id).getJsonObject(0)).getJsonArray("attempts");
        assertEquals(List.of(500, 500, 204), attempts.stream().map(a -> a.asJsonObject().getInt("httpStatus"))
                .toList());
        assertEquals(List.of("failed", "failed", "delivered"), attempts.stream()
                .map(a -> a.asJsonObject().getString("outcome")).toList());
        List<Hook> received = new ArrayList<>(hooks);
        assertEquals(3, received.size());
        assertEquals(1, received.stream().map(Hook::body).distinct().count(), "a retry sends the same bytes");
        assertEquals("sha256=" + hmac(received.get(0).body()), received.get(0).signature());
    }

    @Test
    void aWebhookToAHostTheAllowListRefusesIsRecordedAsRefusedAndNotCalled() throws Exception {
        // Stored as under a wider allow-list: the check that matters is the one made when sending.
        String id = UUID.randomUUID().toString();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "insert into alert_rule (id, workspace_id, definition) values (?::uuid, ?, ?::jsonb)")) {
            ps.setString(1, id);
            ps.setString(2, org);
            ps.setString(3, hookRule("camp_c", "/hook").replace(":" + HOOK_PORT + "/", ":" + (HOOK_PORT + 1) + "/"));
            ps.executeUpdate();
        }
        assertEquals(202, client.postJson(alerts() + "/" + id + "/test", "").status());
        Eventually.within(Duration.ofSeconds(10), "the refusal recorded", () ->
                !events(id).isEmpty() && webhookOf(events(id).getJsonObject(0)).getString("status").equals("refused"));
        JsonObject attempt = webhookOf(events(id).getJsonObject(0)).getJsonArray("attempts").getJsonObject(0);
        assertEquals("refused", attempt.getString("outcome"));
        assertTrue(attempt.getString("error").contains("allowed-hosts"), attempt.toString());
        assertTrue(hooks.isEmpty());
    }

    @Test
    void withTwoInstancesEachFiringIsSentOnceAndReachesTheDashboardsOfBoth() throws Exception {
        try (SecondInstance second = SecondInstance.start(deployment())) {
            Client.Socket here = subscribed(client);
            Client.Socket there = subscribed(new Client(second.base()).bearer(tenant.token("admin")));
            try {
                Response created = client.postJson(alerts(), hookRule("camp_d", "/hook").replace("5s", "10m"));
                assertEquals(201, created.status(), created.body());
                String id = created.json().getString("id");
                threeClicks("camp_d");
                for (Client.Socket socket : List.of(here, there)) {
                    JsonObject fired = socket.pollMessage(m -> isType(m, "notification"), CROSSING)
                            .orElseThrow(() -> new AssertionError("a dashboard missed the notification"));
                    assertEquals("Alert: Clicks", fired.getJsonObject("data").getString("title"));
                }
                assertNotNull(hooks.poll(CROSSING.toMillis(), TimeUnit.MILLISECONDS), "no webhook");
                // Both instances keep evaluating: a second firing or send would show within a few ticks.
                for (Client.Socket socket : List.of(here, there)) {
                    assertTrue(socket.pollMessage(m -> isType(m, "notification"), Duration.ofSeconds(3)).isEmpty(),
                            "notified twice");
                }
                assertTrue(hooks.isEmpty(), "webhook sent twice");
                assertEquals(1, db.number("select count(*) from alert_event where rule_id = ?::uuid", id));
            } finally {
                here.close();
                there.close();
            }
        }
    }

    @Test
    void replacingARuleWhileItFiresResolvesTheFiringOnItsChannels() throws Exception {
        Response created = client.postJson(alerts(), hookRule("camp_e", "/hook").replace("5s", "10m"));
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("id");
        threeClicks("camp_e");
        Hook firing = hooks.poll(CROSSING.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(firing, "no firing webhook");
        assertEquals("firing", Client.json(firing.body()).getString("status"));

        Response replaced = client.request("PUT", alerts() + "/" + id, hookRule("camp_e", "/hook")
                .replace("5s", "10m").replace("\"threshold\":2", "\"threshold\":100"), "Content-Type",
                "application/json");
        assertEquals(200, replaced.status(), replaced.body());

        Hook ended = hooks.poll(CROSSING.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(ended, "the firing was not resolved when its rule was replaced");
        assertEquals("resolved", Client.json(ended.body()).getString("status"));
        assertEquals("sha256=" + hmac(ended.body()), ended.signature());
        JsonObject resolution = events(id).getJsonObject(0);
        assertEquals("resolved", resolution.getString("kind"));
        assertEquals("clicks of camp_e: no longer watched, the rule was replaced", resolution.getString("message"));
        assertNull(hooks.poll(3, TimeUnit.SECONDS), "the replaced rule (above 100) fired again");
    }

    /** The clicks that cross the hook rule's threshold (above 2), one request each. */
    private void threeClicks(String campaign) throws Exception {
        for (int i = 0; i < 3; i++) {
            Response r = client.postJson("api/analytics/real-time", "{\"event\":" + event("click", campaign, "") + "}");
            assertEquals(200, r.status(), r.body());
        }
    }

    private Client.Socket subscribed(Client as) throws Exception {
        Client.Socket socket = as.webSocket("ws/realtime");
        socket.send("{\"type\":\"subscribe\",\"data\":{\"metrics\":[\"dashboard\"],\"notifications\":true,"
                + "\"organizationId\":\"" + org + "\"}}");
        socket.awaitMessage(m -> isType(m, "metrics_update"));
        return socket;
    }

    private JsonArray events(String id) throws Exception {
        Response history = client.get(alerts() + "/" + id + "/history", "application/json");
        assertEquals(200, history.status(), history.body());
        return history.json().getJsonArray("events");
    }

    private static boolean delivered(JsonObject event) {
        return event.getJsonArray("deliveries").stream()
                .allMatch(d -> d.asJsonObject().getString("status").equals("delivered"));
    }

    private static JsonObject webhookOf(JsonObject event) {
        return event.getJsonArray("deliveries").stream().map(JsonValue::asJsonObject)
                .filter(d -> d.getString("channel").equals("webhook")).findFirst().orElseThrow();
    }

    private static boolean isType(JsonObject m, String type) {
        return m.getString("type", "").equals(type);
    }

    /** Computed here, not with the server's code: the receiver's check. */
    private static String hmac(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private String alerts() {
        return "api/workspaces/" + org + "/alerts";
    }

    @Test
    void aRuleIsCreatedReadReplacedAndDeleted() throws Exception {
        Response created = client.postJson(alerts(), RULE);
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("id");
        assertFalse(created.body().contains("0123456789abcdef"), created.body());

        Response listed = client.get(alerts(), "application/json");
        assertEquals(200, listed.status(), listed.body());
        assertEquals(List.of(id), listed.jsonArray().stream().map(v -> ((JsonObject) v).getString("id")).toList());

        Response replaced = client.request("PUT", alerts() + "/" + id, RULE.replace("400", "500"),
                "Content-Type", "application/json");
        assertEquals(200, replaced.status(), replaced.body());
        assertEquals(500, replaced.json().getJsonObject("condition").getInt("threshold"));

        assertEquals(204, client.delete(alerts() + "/" + id).status());
        assertEquals(404, client.get(alerts() + "/" + id, "application/json").status());
    }

    @Test
    void badRulesAreRefusedFieldByFieldAndNothingIsStored() throws Exception {
        Response refused = client.postJson(alerts(), "{\"name\":\"x\",\"metric\":{\"view\":\"campaign\","
                + "\"field\":\"nope\",\"campaignId\":\"c\"},\"window\":\"5x\",\"condition\":{\"kind\":\"above\"}}");
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertEquals(List.of("metric.field", "window", "condition.threshold"), fields(refused));
        assertEquals(0, client.get(alerts(), "application/json").jsonArray().size());
    }

    @Test
    void aLoopbackWebhookThatIsNotAllowedIsRefused() throws Exception {
        Response refused = client.postJson(alerts(), RULE.replace("127.0.0.1:9", "127.0.0.1:8081"));
        assertEquals(400, refused.status(), refused.body());
        assertEquals(List.of("channels[1].url"), fields(refused));
    }

    @Test
    void aViewerOfTheWorkspaceIsRefused() throws Exception {
        Response asReader = new Client(base).bearer(tenant.token("viewer")).postJson(alerts(), RULE);
        assertEquals(403, asReader.status(), asReader.body());
    }

    private static List<String> fields(Response problem) {
        return problem.json().getJsonArray("errors").stream().map(v -> ((JsonObject) v).getString("field")).toList();
    }
}
