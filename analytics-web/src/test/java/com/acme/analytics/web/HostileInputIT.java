package com.acme.analytics.web;

import com.acme.analytics.web.support.Client;
import com.acme.analytics.web.support.Client.Response;
import com.acme.analytics.web.support.Deployments;
import com.acme.analytics.web.support.Tenants;
import com.acme.analytics.web.support.Tenants.Tenant;
import com.acme.analytics.web.support.UndeclaredResource;
import com.nimbusds.jose.JWSAlgorithm;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed and hostile input: broken credentials in every place one can go, hostile WebSocket frames, foreign
 * origins, oversize bodies, an endpoint that forgot its access rule. Everything is refused with a clear problem
 * (or socket error), nothing leaks, and a bystander's connection keeps working.
 */
@ExtendWith(ArquillianExtension.class)
class HostileInputIT {

    private static final String PARTNER = "https://partner.example";

    @ArquillianResource
    URL base;

    private Client anonymous;
    private Tenant tenant;
    private String admin;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("analytics.security.allowed-origins=" + PARTNER,
                        "analytics.security.rate-limit.connections-per-address-per-second=100")
                .addClass(UndeclaredResource.class);
    }

    @BeforeEach
    void tenant() throws Exception {
        anonymous = new Client(base);
        tenant = new Tenants(anonymous).create();
        admin = tenant.token("admin");
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> brokenAuthorizations() {
        Instant later = Instant.now().plus(Duration.ofHours(1));
        return List.of("Bearer", "Bearer ", "bearer x.y.z", "Bearer a.b", "Bearer ....", "Bearer eyJ.eyJ.sig",
                "Bearer " + "A".repeat(5000), "Basic ###", "Basic " + b64("user:pass"), "Basic " + b64(":"),
                "Digest username=\"x\"", "Token abc", "Bearer wk_unknownkey", "Bearer " + b64("{}") + "." + b64("{}") + ".",
                "Bearer " + b64("{\"alg\":\"HS256\"}") + "." + b64("not json") + ".c2ln",
                "Bearer " + Tenants.sign(Tenants.claims("superuser", tenant.id(), later).build(), Tenants.SECRET),
                "Bearer " + Tenants.sign(Tenants.claims("admin", null, later).build(), Tenants.SECRET),
                "Bearer " + Tenants.sign(Tenants.claims("admin", tenant.id(), later).build(),
                        Tenants.SECRET + Tenants.SECRET, JWSAlgorithm.HS512),
                "Bearer " + Tenants.sign(Tenants.claims("admin", tenant.id(), later).expirationTime(null).build(),
                        Tenants.SECRET),
                "Bearer " + Tenants.sign(Tenants.claims("admin", tenant.id(), later).jwtID(null).build(),
                        Tenants.SECRET),
                "Bearer " + admin.substring(0, admin.lastIndexOf('.') + 1),
                "Bearer " + admin + "x",
                "Bearer " + admin.replace('.', ':'),
                "Bearer a.b.c.d.e");
    }

    @Test
    void refusesMalformedCredentialsWithClearProblemsAndNoEcho() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String authorization : brokenAuthorizations()) {
            String shown = authorization.length() > 60 ? authorization.substring(0, 60) + "..." : authorization;
            for (Response r : List.of(
                    anonymous.as(authorization).get("api/analytics/real-time/dashboard", "application/json"),
                    anonymous.as(authorization).postJson("api/analytics/real-time", "{\"event\":{}}"),
                    anonymous.as(authorization).get("api/workspaces/" + tenant.id() + "/analytics/realtime",
                            "text/event-stream"))) {
                if (r.status() != 401 || !r.contentType().startsWith("application/problem+json")) {
                    wrong.add(shown + ": " + r.status() + " " + r.contentType() + " " + r.body());
                    continue;
                }
                String detail = r.json().getString("detail");
                String credential = authorization.contains(" ") ? authorization.substring(authorization.indexOf(' ') + 1)
                        : "";
                if (detail.isBlank() || credential.length() > 3 && r.body().contains(credential)) {
                    wrong.add(shown + ": unclear or echoing detail " + r.body());
                }
            }
            Response ws = anonymous.as(authorization).webSocketRefusal("ws/realtime");
            if (ws.status() != 401) {
                wrong.add(shown + ": WebSocket handshake " + ws.status());
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void acceptsTheQueryTokenOnlyOnStreamHandshakes() throws Exception {
        assertEquals(401, anonymous.webSocketRefusal("ws/realtime?access_token=garbage").status());
        assertEquals(101, anonymous.webSocketRefusal("ws/realtime?access_token=" + admin).status());
        assertEquals(401, anonymous.eventStream("api/workspaces/" + tenant.id() + "/analytics/realtime?access_token="
                + "garbage").response().statusCode());
        // On ordinary requests a token in the URL would end up in logs and histories: it is not accepted.
        assertEquals(401, anonymous.get("api/analytics/real-time/dashboard?access_token=" + admin,
                "application/json").status());
        assertEquals(401, anonymous.get("api/workspaces/" + tenant.id() + "/analytics/realtime?access_token=" + admin,
                "application/json").status());
    }

    @Test
    void hostileFramesHarmOnlyTheirOwnConnection() throws Exception {
        Tenant victim = new Tenants(anonymous).create();
        Client.Socket bystander = anonymous.bearer(victim.token("viewer")).webSocket("ws/realtime");
        Client.Socket attacker = anonymous.bearer(admin).webSocket("ws/realtime");
        try {
            bystander.send("{\"type\":\"subscribe\",\"data\":{\"metrics\":[\"dashboard\"],\"organizationId\":\""
                    + victim.id() + "\"}}");
            bystander.awaitMessage(m -> m.getString("type").equals("metrics_update"));

            for (String frame : List.of("", "not json", "[]", "null", "{\"type\":42}",
                    "{\"type\":\"subscribe\",\"data\":\"x\"}", "[".repeat(2000) + "]".repeat(2000),
                    "{\"type\":\"subscribe\",\"data\":{\"organizationId\":{\"$ne\":null}}}",
                    "{\"type\":\"subscribe\",\"data\":{\"organizationId\":\"" + victim.id() + "\"}}",
                    "{\"type\":\"subscribe\",\"data\":{\"workspaceId\":\"" + victim.id() + "\"}}")) {
                attacker.send(frame);
                JsonObject answer;
                try {
                    answer = attacker.awaitMessage(m -> true);
                } catch (AssertionError e) {
                    throw new AssertionError("no answer to " + frame.substring(0, Math.min(40, frame.length())), e);
                }
                assertEquals("error", answer.getString("type"), frame + " -> " + answer);
                assertFalse(answer.toString().contains("totalImpressions"), answer.toString());
            }
            // The endpoint speaks text only: a binary frame is ignored.
            attacker.sendBinary(new byte[] {1, 2, 3});
            attacker.send("{\"type\":\"ping\"}");
            assertEquals("pong", attacker.awaitMessage(m -> true).getString("type"));
            // An oversize message is refused with an error and the connection stays usable (issue 4); frames past
            // the container's hard limit (1 MiB) are refused by it before they are buffered, closing the socket.
            attacker.send("{\"type\":\"ping\",\"data\":{\"pad\":\"" + "x".repeat(20_000) + "\"}}");
            assertEquals("message_too_large", attacker.awaitMessage(m -> true).getJsonObject("data").getString("code"));
            attacker.send("{\"type\":\"ping\",\"data\":{\"pad\":\"" + "x".repeat(1_100_000) + "\"}}");
            assertTrue(attacker.awaitClose() > 1000, "a frame over the hard limit must close the socket");

            assertEquals(200, anonymous.bearer(victim.writeKey()).postJson("api/analytics/real-time",
                    "{\"event\":{\"eventType\":\"impression\",\"campaignId\":\"c\",\"organizationId\":\""
                            + victim.id() + "\"}}").status());
            bystander.awaitMessage(m -> m.getString("type").equals("metrics_update")
                    && m.getJsonObject("data").getJsonObject("dashboard").getInt("totalImpressions") == 1);
            bystander.send("{\"type\":\"ping\"}");
            bystander.awaitMessage(m -> m.getString("type").equals("pong"));
        } finally {
            bystander.close();
            attacker.close();
        }
    }

    @Test
    void refusesForeignOriginsAndAllowsConfiguredOnes() throws Exception {
        Client c = anonymous.bearer(admin);
        assertEquals(403, c.webSocketRefusal("ws/realtime", "Origin", "https://evil.example").status());
        assertEquals(101, c.webSocketRefusal("ws/realtime", "Origin", PARTNER).status());
        String self = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
        assertEquals(101, c.webSocketRefusal("ws/realtime", "Origin", self).status());

        Response evilPreflight = anonymous.request("OPTIONS", "api/analytics/real-time", null, "Origin",
                "https://evil.example", "Access-Control-Request-Method", "POST");
        assertEquals(403, evilPreflight.status());
        assertEquals(null, evilPreflight.header("Access-Control-Allow-Origin"));
        Response preflight = anonymous.request("OPTIONS", "api/analytics/real-time", null, "Origin", PARTNER,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization");
        assertEquals(204, preflight.status());
        assertEquals(PARTNER, preflight.header("Access-Control-Allow-Origin"));
        assertTrue(preflight.header("Access-Control-Allow-Headers").contains("Authorization"));
        Response cross = c.request("GET", "api/analytics/real-time", null, "Origin", PARTNER);
        assertEquals(200, cross.status());
        assertEquals(PARTNER, cross.header("Access-Control-Allow-Origin"));
    }

    @Test
    void servesTheDashboardWithSecurityHeaders() throws Exception {
        Response page = anonymous.get("", "text/html");
        assertEquals(200, page.status());
        assertTrue(page.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertEquals("DENY", page.header("X-Frame-Options"));
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertEquals(200, anonymous.get("health", "application/json").status());
    }

    @Test
    void refusesAnEndpointThatDeclaresNoAccessRuleToEveryone() throws Exception {
        for (String authorization : List.of("Bearer " + admin, "Bearer " + Tenants.operatorToken())) {
            Response r = anonymous.as(authorization).get("api/test/undeclared", "text/plain");
            assertEquals(403, r.status(), r.body());
            assertFalse(r.body().contains("leaked"));
        }
        assertEquals(403, anonymous.get("api/test/undeclared", "text/plain").status());
    }

    @Test
    void refusesOversizeAndMalformedAdministrationRequests() throws Exception {
        Client operator = anonymous.bearer(Tenants.operatorToken());
        Client admins = anonymous.bearer(admin);
        Response big = anonymous.bearer(tenant.writeKey()).postJsonExpectingContinue("api/analytics/real-time",
                "{\"events\":[" + "{},".repeat(600_000) + "{}]}");
        assertEquals(413, big.status());
        assertField(anonymous.bearer(tenant.writeKey()).postJson("api/analytics/real-time",
                "{\"events\":" + "[".repeat(5000) + "]".repeat(5000) + "}"), "body");
        assertField(operator.postJson("api/workspaces", "{\"name\":" + "[".repeat(1500) + "]".repeat(1500) + "}"),
                "body");
        assertEquals(413, operator.postJson("api/workspaces", "{\"name\":\"" + "n".repeat(5000) + "\"}").status());
        assertField(operator.postJson("api/workspaces", "{\"name\":"), "body");
        assertField(operator.postJson("api/workspaces", "{}"), "name");
        assertField(operator.postJson("api/workspaces", "{\"name\":\"" + "n".repeat(300) + "\"}"), "name");
        String tokens = "api/workspaces/" + tenant.id() + "/tokens";
        assertField(admins.postJson(tokens, "{\"role\":\"owner\"}"), "role");
        assertField(admins.postJson(tokens, "{\"role\":\"viewer\",\"ttlSeconds\":-5}"), "ttlSeconds");
        assertField(admins.postJson(tokens, "{\"role\":\"viewer\",\"ttlSeconds\":99999999999}"), "ttlSeconds");
        assertField(admins.postJson(tokens, "{\"role\":\"viewer\",\"ttlSeconds\":\"60\"}"), "ttlSeconds");
        assertEquals(404, operator.postJson("api/workspaces/ws_none/tokens", "{\"role\":\"viewer\"}").status());
    }

    private static void assertField(Response r, String field) {
        assertEquals(400, r.status(), r.body());
        assertEquals("application/problem+json", r.contentType());
        assertEquals(field, r.json().getJsonArray("errors").getJsonObject(0).getString("field"), r.body());
    }
}
