package com.acme.analytics.web;

import com.acme.analytics.web.support.Client;
import com.acme.analytics.web.support.Client.Response;
import com.acme.analytics.web.support.Deployments;
import com.acme.analytics.web.support.Eventually;
import com.acme.analytics.web.support.Tenants;
import com.acme.analytics.web.support.Tenants.Tenant;
import com.acme.analytics.web.support.TestDatabase;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every REST endpoint and socket path against every kind of caller: anonymous, another workspace's admin, viewer,
 * member, admin, write key (bearer and basic), operator, and expired, forged, {@code alg: none}, wrong-issuer and
 * wrong-audience tokens. Refusals are problem documents that carry no data; refused events are not stored.
 * Also: revocation closes open connections, the connection cap, and the ingest rate limit per write key.
 */
@ExtendWith(ArquillianExtension.class)
class AccessMatrixIT {

    private static final int MAX_CONNECTIONS = 3;
    private static final int INGEST_BURST = 10;

    @ArquillianResource
    URL base;

    private final TestDatabase db = TestDatabase.get();
    private Client anonymous;
    private Tenant a;
    private Tenant b;
    /** Caller name to its Authorization header (null: none). */
    private final Map<String, String> callers = new LinkedHashMap<>();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application(
                "analytics.security.max-connections-per-credential=" + MAX_CONNECTIONS,
                "analytics.security.rate-limit.ingest-per-key-per-second=1",
                "analytics.security.rate-limit.burst-seconds=" + INGEST_BURST,
                "analytics.security.rate-limit.connections-per-address-per-second=100");
    }

    @BeforeEach
    void workspacesAndCallers() throws Exception {
        anonymous = new Client(base);
        Tenants tenants = new Tenants(anonymous);
        a = tenants.create();
        b = tenants.create();
        Instant later = Instant.now().plus(Duration.ofHours(1));
        callers.put("anonymous", null);
        callers.put("viewer", "Bearer " + a.token("viewer"));
        callers.put("member", "Bearer " + a.token("member"));
        callers.put("admin", "Bearer " + a.token("admin"));
        callers.put("otherAdmin", "Bearer " + b.token("admin"));
        callers.put("writeKey", "Bearer " + a.writeKey());
        callers.put("writeKeyBasic", Tenants.basic(a.writeKey()));
        callers.put("operator", "Bearer " + Tenants.operatorToken());
        callers.put("expired", "Bearer " + Tenants.sign(Tenants.claims("admin", a.id(),
                Instant.now().minus(Duration.ofMinutes(5))).build(), Tenants.SECRET));
        callers.put("forged", "Bearer " + Tenants.sign(Tenants.claims("admin", a.id(), later).build(),
                "not-the-servers-secret-but-just-as-long-0123456789"));
        callers.put("algNone", "Bearer " + Tenants.unsigned(Tenants.claims("admin", a.id(), later).build()));
        callers.put("wrongIssuer", "Bearer " + Tenants.sign(Tenants.claims("admin", a.id(), later)
                .issuer("https://elsewhere.example").build(), Tenants.SECRET));
        callers.put("wrongAudience", "Bearer " + Tenants.sign(Tenants.claims("admin", a.id(), later)
                .audience("another-api").build(), Tenants.SECRET));
    }

    /**
     * What each caller gets from an endpoint needing a permission, when it succeeds with {@code ok}. Rule
     * {@code member}: tracking by a member's or admin's token, never a write key (the simulator).
     */
    private Map<String, Integer> expected(String rule, int ok) {
        Map<String, Integer> e = new LinkedHashMap<>();
        for (String caller : callers.keySet()) {
            int status = rule.equals("open") ? ok : switch (caller) {
                case "anonymous", "expired", "forged", "algNone", "wrongIssuer", "wrongAudience" -> 401;
                case "viewer" -> rule.startsWith("read") ? ok : 403;
                case "member" -> rule.startsWith("read") || rule.startsWith("track") || rule.startsWith("member")
                        ? ok : 403;
                case "admin" -> rule.equals("operate") ? 403 : ok;
                case "otherAdmin" -> rule.endsWith("-any-workspace") ? ok : 403;
                case "writeKey", "writeKeyBasic" -> rule.startsWith("track") ? ok : 403;
                case "operator" -> rule.equals("operate") || rule.equals("administer") ? ok : 403;
                default -> throw new IllegalStateException(caller);
            };
            e.put(caller, status);
        }
        return e;
    }

    private interface Call {
        Response send(Client client) throws Exception;
    }

    private List<String> check(String endpoint, String rule, int ok, Call call) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (var e : expected(rule, ok).entrySet()) {
            Response r = call.send(anonymous.as(callers.get(e.getKey())));
            if (r.status() != e.getValue()) {
                wrong.add(endpoint + " as " + e.getKey() + ": " + r.status() + " instead of " + e.getValue()
                        + " " + r.body());
            } else if (r.status() >= 400 && r.status() != 404) {
                if (!r.contentType().startsWith("application/problem+json")) {
                    wrong.add(endpoint + " as " + e.getKey() + ": refusal is " + r.contentType());
                }
                if (r.body().contains("metrics") || r.body().contains("summary") || r.body().contains("\"data\"")
                        || r.body().contains("token\":")) {
                    wrong.add(endpoint + " as " + e.getKey() + ": refusal carries data " + r.body());
                }
                if (r.status() == 401 && r.header("WWW-Authenticate") == null) {
                    wrong.add(endpoint + " as " + e.getKey() + ": 401 without WWW-Authenticate");
                }
            }
        }
        return wrong;
    }

    private String event(String workspace) {
        return "{\"event\":{\"eventType\":\"impression\",\"campaignId\":\"camp_m\",\"organizationId\":\"" + workspace
                + "\"}}";
    }

    @Test
    void everyRestEndpointAdmitsExactlyTheCallersItShould() throws Exception {
        String json = "application/json";
        List<String> wrong = new ArrayList<>();
        wrong.addAll(check("POST /api/analytics/real-time", "track", 200,
                c -> c.postJson("api/analytics/real-time", event(a.id()))));
        wrong.addAll(check("GET /api/analytics/real-time", "read-any-workspace", 200,
                c -> c.get("api/analytics/real-time", json)));
        wrong.addAll(check("GET campaign real-time", "read", 200,
                c -> c.get("api/campaigns/camp_m/analytics/real-time?organizationId=" + a.id(), json)));
        wrong.addAll(check("GET campaign daily", "read", 200,
                c -> c.get("api/campaigns/camp_m/analytics/daily?organizationId=" + a.id(), json)));
        wrong.addAll(check("GET dashboard", "read", 200,
                c -> c.get("api/analytics/real-time/dashboard?organizationId=" + a.id(), json)));
        wrong.addAll(check("POST simulate", "member", 200, c -> c.postJson("api/analytics/real-time/simulate",
                "{\"action\":\"stop\",\"organizationId\":\"" + a.id() + "\"}")));
        wrong.addAll(check("GET simulate", "member", 200,
                c -> c.get("api/analytics/real-time/simulate?organizationId=" + a.id(), json)));
        wrong.addAll(check("GET workspace snapshot", "read", 200,
                c -> c.get("api/workspaces/" + a.id() + "/analytics/realtime", json)));
        wrong.addAll(check("GET workspace SSE", "read", 200, c -> {
            Client.Lines stream = c.eventStream("api/workspaces/" + a.id() + "/analytics/realtime");
            int status = stream.response().statusCode();
            String body = status == 200 ? stream.next() : stream.remaining();
            stream.close();
            return new Response(status, stream.response().headers().firstValue("Content-Type").orElse(""),
                    status == 200 ? "" : body, stream.response().headers());
        }));
        wrong.addAll(check("POST tokens", "administer", 201,
                c -> c.postJson("api/workspaces/" + a.id() + "/tokens", "{\"role\":\"viewer\",\"ttlSeconds\":60}")));
        wrong.addAll(check("POST write-keys", "administer", 201,
                c -> c.postJson("api/workspaces/" + a.id() + "/write-keys", "")));
        wrong.addAll(check("GET write-keys", "administer", 200,
                c -> c.get("api/workspaces/" + a.id() + "/write-keys", json)));
        wrong.addAll(check("GET dead-letters", "administer", 200,
                c -> c.get("api/workspaces/" + a.id() + "/dead-letters", json)));
        wrong.addAll(check("DELETE token", "administer", 404,
                c -> c.delete("api/workspaces/" + a.id() + "/tokens/tok_none")));
        wrong.addAll(check("DELETE write key", "administer", 404,
                c -> c.delete("api/workspaces/" + a.id() + "/write-keys/key_none")));
        wrong.addAll(check("POST workspaces", "operate", 201,
                c -> c.postJson("api/workspaces", "{\"name\":\"matrix\"}")));
        wrong.addAll(check("DELETE any token", "operate", 404, c -> c.delete("api/tokens/tok_none")));
        wrong.addAll(check("GET /metrics", "operate", 200, c -> c.get("metrics", "text/plain")));
        wrong.addAll(check("GET /health", "open", 200, c -> c.get("health", "application/json")));
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));

        // Four callers could track into A (member, admin, write key twice); another workspace's admin could not.
        Eventually.within(Duration.ofSeconds(15), "accepted events not stored",
                () -> db.number("select count(*) from raw_event where workspace_id = ?", a.id()) == 4);
        // A buffered marker is flushed after whatever an earlier request left in the buffer: once it is stored,
        // nothing wrongly taken can still be on its way.
        assertEquals(202, anonymous.bearer(a.writeKey()).postJson("api/analytics/real-time", event(a.id()),
                "Prefer", "respond-async").status());
        Eventually.within(Duration.ofSeconds(15), "buffered marker not stored",
                () -> db.number("select count(*) from raw_event where workspace_id = ?", a.id()) >= 5);
        assertEquals(5, db.number("select count(*) from raw_event where workspace_id = ?", a.id()));
        assertEquals(0, db.number("select count(*) from raw_event where workspace_id = ?", b.id()));
    }

    /**
     * The push and tracking endpoints of the other documents. Rules ending in {@code -any-workspace} act on the
     * caller's own workspace whatever it is (Segment's calls name none), so another workspace's admin succeeds
     * there, in its own workspace.
     */
    @Test
    void everyPushAndTrackingEndpointAdmitsExactlyTheCallersItShould() throws Exception {
        String json = "application/json";
        String workspace = "api/workspaces/" + a.id() + "/analytics/realtime";
        List<String> wrong = new ArrayList<>();
        wrong.addAll(check("POST workspace event", "track", 200, c -> c.postJson(workspace,
                "{\"eventType\":\"message.sent\",\"eventData\":{\"channelId\":\"c1\"},\"sessionId\":\"s\"}")));
        wrong.addAll(check("DELETE workspace streams", "administer", 200, c -> c.delete(workspace)));
        wrong.addAll(check("POST campaign events", "track", 200, c -> c.postJson(
                "api/campaigns/camp_m/analytics/real-time", event(a.id()))));
        wrong.addAll(check("POST /v1/track", "track-any-workspace", 200, c -> c.postJson("v1/track",
                "{\"userId\":\"u\",\"event\":\"Matrix Checked\"}")));
        wrong.addAll(check("POST subscribe", "read", 201, c -> c.postJson("api/analytics/real-time/subscribe",
                "{\"organizationId\":\"" + a.id() + "\",\"campaignIds\":[\"camp_m\"]}")));
        wrong.addAll(check("GET subscription stats", "read-any-workspace", 200,
                c -> c.get("api/analytics/real-time/subscribe", json)));
        wrong.addAll(check("DELETE subscribe", "read-any-workspace", 404,
                c -> c.delete("api/analytics/real-time/subscribe?subscriptionId=sub_none")));
        wrong.addAll(check("GET updates", "read-any-workspace", 404,
                c -> c.get("api/analytics/real-time/updates?subscriptionId=sub_none", json)));
        for (String path : List.of("ws", "ws/job/job-1", "realtime-analytics/ws/" + a.id())) {
            for (var e : expected("read-any-workspace", 101).entrySet()) {
                Response r = anonymous.as(callers.get(e.getKey())).webSocketRefusal(path);
                if (r.status() != e.getValue()) {
                    wrong.add("WS " + path + " as " + e.getKey() + ": " + r.status() + " instead of " + e.getValue());
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));

        // Member, admin and the write key twice tracked into A on each of the three tracking endpoints; another
        // workspace's admin tracked into its own workspace through Segment's call only.
        assertEquals(12, db.number("select count(*) from raw_event where workspace_id = ?", a.id()));
        assertEquals(1, db.number("select count(*) from raw_event where workspace_id = ?", b.id()));

        // A subscription's id is no key to another workspace's updates.
        String id = anonymous.as(callers.get("viewer")).postJson("api/analytics/real-time/subscribe",
                "{\"organizationId\":\"" + a.id() + "\"}").json().getJsonObject("subscription").getString("id");
        assertEquals(200, anonymous.as(callers.get("viewer")).get("api/analytics/real-time/updates?subscriptionId="
                + id, json).status());
        assertEquals(404, anonymous.as(callers.get("otherAdmin")).get("api/analytics/real-time/updates?subscriptionId="
                + id, json).status());

        // The integration socket of another workspace is refused once open: an error, then the close.
        Client.Socket intruder = anonymous.as(callers.get("otherAdmin")).webSocket("realtime-analytics/ws/" + a.id());
        try {
            JsonObject error = intruder.awaitMessage(m -> true);
            assertEquals("forbidden", error.getString("code"), error.toString());
            assertTrue(intruder.awaitClose() > 1000, "the foreign integration socket stayed open");
        } finally {
            intruder.close();
        }
    }

    @Test
    void webSocketHandshakeAndSubscriptionAdmitOnlyReadersOfTheWorkspace() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (var e : expected("read-any-workspace", 101).entrySet()) {
            Response r = anonymous.as(callers.get(e.getKey())).webSocketRefusal("ws/realtime");
            if (r.status() != e.getValue()) {
                wrong.add("WS handshake as " + e.getKey() + ": " + r.status() + " instead of " + e.getValue());
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));

        String subscribe = "{\"type\":\"subscribe\",\"data\":{\"metrics\":[\"dashboard\"],\"organizationId\":\""
                + a.id() + "\"}}";
        for (String reader : List.of("viewer", "member", "admin")) {
            Client.Socket socket = anonymous.as(callers.get(reader)).webSocket("ws/realtime");
            try {
                socket.send(subscribe);
                socket.awaitMessage(m -> m.getString("type").equals("metrics_update"));
            } finally {
                socket.close();
            }
        }
        Client.Socket intruder = anonymous.as(callers.get("otherAdmin")).webSocket("ws/realtime");
        Client.Socket witness = anonymous.as(callers.get("viewer")).webSocket("ws/realtime");
        try {
            witness.send(subscribe);
            int before = witness.awaitMessage(m -> m.getString("type").equals("metrics_update"))
                    .getJsonObject("data").getJsonObject("dashboard").getInt("totalImpressions");
            intruder.send(subscribe);
            JsonObject error = intruder.awaitMessage(m -> !m.getString("type").equals("pong"));
            assertEquals("error", error.getString("type"), error.toString());
            assertEquals("forbidden", error.getJsonObject("data").getString("code"));
            // No update of A reaches it, even after A's figures change: once a subscriber of A has the update, it
            // was published, and anything sent to the intruder with it would come before the answer to its ping.
            assertEquals(200, anonymous.bearer(a.writeKey()).postJson("api/analytics/real-time", event(a.id()))
                    .status());
            witness.awaitMessage(m -> m.getString("type").equals("metrics_update") && m.getJsonObject("data")
                    .getJsonObject("dashboard").getInt("totalImpressions") > before);
            intruder.send("{\"type\":\"ping\"}");
            JsonObject next = intruder.awaitMessage(m -> true);
            assertEquals("pong", next.getString("type"), "the intruder received " + next);
        } finally {
            intruder.close();
            witness.close();
        }
    }

    @Test
    void theWorkspaceIsTheCredentialsWhenTheRequestNamesNone() throws Exception {
        assertEquals(200, anonymous.bearer(a.writeKey()).postJson("api/analytics/real-time", event(a.id())).status());
        Eventually.within(Duration.ofSeconds(15), "event not counted", () -> anonymous.as(callers.get("viewer"))
                .get("api/analytics/real-time/dashboard", "application/json").json().getJsonObject("summary")
                .getInt("totalImpressions") == 1);
        assertEquals(0, anonymous.as(callers.get("otherAdmin")).get("api/analytics/real-time/dashboard",
                "application/json").json().getJsonObject("summary").getInt("totalImpressions"));
        Response foreign = anonymous.as(callers.get("admin")).postJson("api/analytics/real-time", event(b.id()));
        assertEquals(403, foreign.status(), foreign.body());
        assertEquals("event.organizationId", foreign.json().getJsonArray("errors").getJsonObject(0)
                .getString("field"));
    }

    @Test
    void revokingATokenClosesItsConnectionsAndRefusesIt() throws Exception {
        JsonObject issued = a.issue("viewer", 600);
        String token = issued.getString("token");
        Client holder = anonymous.bearer(token);
        Client.Socket socket = holder.webSocket("ws/realtime");
        socket.send("{\"type\":\"ping\"}");
        socket.awaitMessage(m -> m.getString("type").equals("pong"));
        // A browser's EventSource cannot send headers: the token goes in the query.
        Client.Lines stream = anonymous.eventStream("api/workspaces/" + a.id() + "/analytics/realtime?access_token="
                + token);
        assertEquals(200, stream.response().statusCode());
        stream.awaitEvent("connected");
        assertEquals(200, holder.get("api/analytics/real-time/dashboard", "application/json").status());

        Client admin = anonymous.as(callers.get("admin"));
        assertEquals(204, admin.delete("api/workspaces/" + a.id() + "/tokens/" + issued.getString("id")).status());

        assertEquals(1008, socket.awaitClose());
        assertTrue(stream.awaitEnd(), "the SSE stream of a revoked token stays open");
        Response refused = holder.get("api/analytics/real-time/dashboard", "application/json");
        assertEquals(401, refused.status());
        assertTrue(refused.json().getString("detail").contains("revoked"), refused.body());
        assertEquals(401, holder.webSocketRefusal("ws/realtime").status());
        assertEquals(404, admin.delete("api/workspaces/" + a.id() + "/tokens/" + issued.getString("id")).status());
        // Another workspace's admin cannot revoke A's tokens.
        String other = a.issue("viewer", 600).getString("id");
        assertEquals(403, anonymous.as(callers.get("otherAdmin")).delete("api/workspaces/" + a.id() + "/tokens/"
                + other).status());
    }

    @Test
    void closesTheConnectionsOfATokenWhenItExpires() throws Exception {
        String token = a.issue("viewer", 2).getString("token");
        Client.Socket socket = anonymous.bearer(token).webSocket("ws/realtime");
        socket.send("{\"type\":\"ping\"}");
        socket.awaitMessage(m -> m.getString("type").equals("pong"));
        assertEquals(1008, socket.awaitClose());
    }

    @Test
    void revokedWriteKeysTrackNoMore() throws Exception {
        Client admin = anonymous.as(callers.get("admin"));
        JsonObject key = admin.postJson("api/workspaces/" + a.id() + "/write-keys", "").json();
        String secret = key.getString("writeKey");
        assertEquals(200, anonymous.bearer(secret).postJson("api/analytics/real-time", event(a.id())).status());
        String listed = admin.get("api/workspaces/" + a.id() + "/write-keys", "application/json").body();
        assertFalse(listed.contains(secret), "a listing shows a key in full");
        assertTrue(listed.contains(key.getString("id")), listed);
        assertEquals(1, db.number("select count(*) from write_key where key_hash = encode(sha256(?::bytea), 'hex')",
                secret));
        assertEquals(0, db.number("select count(*) from write_key where key_hash = ? or key_prefix = ?", secret,
                secret));

        assertEquals(204, admin.delete("api/workspaces/" + a.id() + "/write-keys/" + key.getString("id")).status());
        Response refused = anonymous.bearer(secret).postJson("api/analytics/real-time", event(a.id()));
        assertEquals(401, refused.status(), refused.body());
        assertFalse(refused.body().contains(secret));
    }

    @Test
    void capsTheOpenConnectionsOfOneCredential() throws Exception {
        Client viewer = anonymous.bearer(a.token("viewer"));
        List<Client.Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS; i++) {
                Client.Socket s = viewer.webSocket("ws/realtime");
                sockets.add(s);
                s.send("{\"type\":\"ping\"}");
                s.awaitMessage(m -> m.getString("type").equals("pong"));
            }
            Response ws = viewer.webSocketRefusal("ws/realtime");
            assertEquals(429, ws.status());
            assertNotNull(ws.header("Retry-After"));
            Client.Lines sse = viewer.eventStream("api/workspaces/" + a.id() + "/analytics/realtime");
            assertEquals(429, sse.response().statusCode());
            // Other credentials are not affected.
            assertEquals(101, anonymous.as(callers.get("viewer")).webSocketRefusal("ws/realtime").status());
        } finally {
            sockets.forEach(Client.Socket::close);
        }
    }

    @Test
    void limitsTheIngestRateOfAWriteKey() throws Exception {
        String key = anonymous.as(callers.get("admin")).postJson("api/workspaces/" + a.id() + "/write-keys", "")
                .json().getString("writeKey");
        Client sender = anonymous.bearer(key);
        int accepted = 0;
        Response limited = null;
        for (int i = 0; i < INGEST_BURST + 10 && limited == null; i++) {
            Response r = sender.postJson("api/analytics/real-time", event(a.id()));
            if (r.status() == 429) {
                limited = r;
            } else {
                assertEquals(200, r.status(), r.body());
                accepted++;
            }
        }
        assertNotNull(limited, "no 429 after " + accepted + " requests");
        assertTrue(accepted >= INGEST_BURST, "limited after only " + accepted);
        assertTrue(Long.parseLong(limited.header("Retry-After")) >= 1);
        assertEquals("application/problem+json", limited.contentType());
        // Another key of the same workspace has its own budget.
        assertEquals(200, anonymous.bearer(a.writeKey()).postJson("api/analytics/real-time", event(a.id()))
                .status());
    }
}
