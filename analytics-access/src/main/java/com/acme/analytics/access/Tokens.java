package com.acme.analytics.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Bearer tokens: JWTs signed with HS256 by {@link SigningKey}, carrying the workspace ({@code ws}) and the role
 * ({@code role}: viewer, member, admin or operator). Verification accepts only HS256 (so never {@code alg: none}),
 * the configured issuer and audience, a valid signature, and an unexpired, unrevoked token. Every issued token is
 * recorded (never the token itself, only its id, workspace, role and expiry) so that it can be revoked.
 */
@ApplicationScoped
public class Tokens {

    static final String WORKSPACE_CLAIM = "ws";
    static final String ROLE_CLAIM = "role";
    static final String OPERATOR_ROLE = "operator";
    /** Tolerated difference between the clocks of the issuer and of this server. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    @Inject
    SigningKey signingKey;
    @Inject
    RevokedTokens revoked;
    @Inject
    @ConfigProperty(name = "analytics.security.jwt.issuer")
    String issuer;
    @Inject
    @ConfigProperty(name = "analytics.security.jwt.audience")
    String audience;
    @Inject
    @ConfigProperty(name = "analytics.security.token.max-ttl-seconds")
    long maxTtlSeconds;
    @Resource(lookup = "java:app/jdbc/analytics")
    DataSource dataSource;

    /** A token just issued: the only time its text is known to the server. */
    public record Issued(String id, String token, String role, Instant expiresAt) {
    }

    /** @throws IllegalArgumentException when the lifetime is not within 1 s and the configured maximum */
    public Issued issue(String workspaceId, Role role, Duration ttl) throws SQLException {
        return issue(workspaceId, role.wireName(), ttl);
    }

    public Issued issueOperator(Duration ttl) throws SQLException {
        return issue(null, OPERATOR_ROLE, ttl);
    }

    public long maxTtlSeconds() {
        return maxTtlSeconds;
    }

    private Issued issue(String workspaceId, String role, Duration ttl) throws SQLException {
        if (ttl.isNegative() || ttl.isZero() || ttl.toSeconds() > maxTtlSeconds) {
            throw new IllegalArgumentException("a token lives from 1 to " + maxTtlSeconds + " seconds");
        }
        String id = Secrets.random("tok_", 12);
        Instant now = Instant.now();
        Instant expiresAt = now.plus(ttl);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .jwtID(id).issuer(issuer).audience(audience)
                .subject(workspaceId == null ? OPERATOR_ROLE : workspaceId)
                .issueTime(Date.from(now)).expirationTime(Date.from(expiresAt))
                .claim(ROLE_CLAIM, role);
        if (workspaceId != null) {
            claims.claim(WORKSPACE_CLAIM, workspaceId);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                claims.build());
        try {
            jwt.sign(new MACSigner(signingKey.secret()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing a token failed", e);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into access_token (id, workspace_id, role, issued_at, expires_at) values (?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, workspaceId);
            ps.setString(3, role);
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setTimestamp(5, Timestamp.from(expiresAt));
            ps.executeUpdate();
        }
        return new Issued(id, jwt.serialize(), role, expiresAt);
    }

    /** @throws AccessDenied 401 naming what is wrong, without echoing the token */
    public Caller verify(String token) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw AccessDenied.unauthenticated("The bearer token is not a signed JWT");
        }
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            throw AccessDenied.unauthenticated("The bearer token must be signed with HS256");
        }
        try {
            if (!jwt.verify(new MACVerifier(signingKey.secret()))) {
                throw AccessDenied.unauthenticated("The bearer token's signature is invalid");
            }
        } catch (JOSEException e) {
            throw AccessDenied.unauthenticated("The bearer token's signature is invalid");
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw AccessDenied.unauthenticated("The bearer token's claims are not valid JSON");
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw AccessDenied.unauthenticated("The bearer token was issued by someone else");
        }
        List<String> audiences = claims.getAudience();
        if (audiences == null || !audiences.contains(audience)) {
            throw AccessDenied.unauthenticated("The bearer token is meant for another audience");
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null || Instant.now().minus(CLOCK_SKEW).isAfter(expiry.toInstant())) {
            throw AccessDenied.unauthenticated("The bearer token has expired");
        }
        String id = claims.getJWTID();
        if (id == null || id.isBlank()) {
            throw AccessDenied.unauthenticated("The bearer token has no id (jti)");
        }
        if (revoked.isRevoked(id)) {
            throw AccessDenied.unauthenticated("The bearer token was revoked");
        }
        return caller(id, claims, expiry.toInstant());
    }

    private static Caller caller(String id, JWTClaimsSet claims, Instant expiresAt) {
        String role;
        String workspace;
        try {
            role = claims.getStringClaim(ROLE_CLAIM);
            workspace = claims.getStringClaim(WORKSPACE_CLAIM);
        } catch (ParseException e) {
            throw AccessDenied.unauthenticated("The bearer token's role and workspace must be strings");
        }
        if (OPERATOR_ROLE.equals(role) && workspace == null) {
            return Caller.operator(id, expiresAt);
        }
        Role r = Role.fromWire(role).orElseThrow(() ->
                AccessDenied.unauthenticated("The bearer token's role must be one of " + Role.WIRE_NAMES));
        if (workspace == null || workspace.isBlank()) {
            throw AccessDenied.unauthenticated("The bearer token names no workspace");
        }
        return Caller.token(id, workspace, r, expiresAt);
    }
}
