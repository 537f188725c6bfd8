package com.acme.analytics.web.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

/**
 * Workspaces and credentials for the integration tests. The test deployment signs tokens with {@link #SECRET}, so
 * an operator token can be minted here; everything else goes through the operator API, as a real operator would.
 * Also mints the broken tokens the refusal tests need.
 */
public final class Tenants {

    /** The signing secret of the test deployment (see {@link Deployments}). */
    public static final String SECRET = "integration-tests-only-signing-secret-0123456789";
    public static final String ISSUER = "analytics";
    public static final String AUDIENCE = "analytics-api";

    private final Client operator;

    public Tenants(Client client) {
        this.operator = client.bearer(operatorToken());
    }

    /** A workspace just created through the operator API. */
    public record Tenant(String id, String writeKey, String writeKeyId, Client client) {

        /** A token of this workspace with that role (viewer, member, admin), issued through the API. */
        /** A campaign event of this workspace as JSON; {@code extra} adds fields, starting with a comma. */
        public String event(String type, String campaign, String extra) {
            return "{\"eventType\":\"" + type + "\",\"campaignId\":\"" + campaign + "\",\"organizationId\":\""
                    + id + "\"" + extra + "}";
        }

        public String token(String role) throws IOException, InterruptedException {
            return issue(role, 3600).getString("token");
        }

        /** The whole answer of {@code POST /api/workspaces/{id}/tokens}: token, id, role, expiresAt. */
        public JsonObject issue(String role, long ttlSeconds) throws IOException, InterruptedException {
            Client.Response r = client.postJson("api/workspaces/" + id + "/tokens",
                    "{\"role\":\"" + role + "\",\"ttlSeconds\":" + ttlSeconds + "}");
            if (r.status() != 201) {
                throw new AssertionError("token not issued: " + r.status() + " " + r.body());
            }
            return r.json();
        }
    }

    public Tenant create() throws IOException, InterruptedException {
        Client.Response r = operator.postJson("api/workspaces", "{\"name\":\"Test " + UUID.randomUUID() + "\"}");
        if (r.status() != 201) {
            throw new AssertionError("workspace not created: " + r.status() + " " + r.body());
        }
        JsonObject w = r.json();
        return new Tenant(w.getString("id"), w.getString("writeKey"), w.getString("writeKeyId"), operator);
    }

    public static String operatorToken() {
        return sign(claims("operator", null, Instant.now().plus(Duration.ofHours(1))).build(), SECRET);
    }

    /** Claims as the server issues them, for tests to alter. */
    public static JWTClaimsSet.Builder claims(String role, String workspaceId, Instant expiresAt) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().jwtID("test_" + UUID.randomUUID())
                .issuer(ISSUER).audience(AUDIENCE).subject(workspaceId == null ? "operator" : workspaceId)
                .issueTime(new Date()).expirationTime(Date.from(expiresAt)).claim("role", role);
        return workspaceId == null ? b : b.claim("ws", workspaceId);
    }

    /** The claims signed with HS256 and the given secret. */
    public static String sign(JWTClaimsSet claims, String secret) {
        return sign(claims, secret, JWSAlgorithm.HS256);
    }

    public static String sign(JWTClaimsSet claims, String secret, JWSAlgorithm algorithm) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token ({@code alg: none}) with these claims. */
    public static String unsigned(JWTClaimsSet claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** The {@code Authorization} value of Segment's form: the write key as the basic-auth user. */
    public static String basic(String writeKey) {
        return "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    }
}
