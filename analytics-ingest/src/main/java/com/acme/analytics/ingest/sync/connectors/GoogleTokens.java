package com.acme.analytics.ingest.sync.connectors;

import com.acme.analytics.ingest.sync.OutboundHttp;
import com.acme.analytics.ingest.sync.ProviderException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.net.URI;
import java.net.http.HttpRequest;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Google's OAuth 2.0 for service accounts: an RS256 JWT signed with the key's {@code private_key} ({@code iss} the
 * {@code client_email}, {@code scope} analytics.readonly, {@code aud} the token URL, valid one hour) exchanged at
 * the token URL for an access token, cached until a minute before it expires.
 */
final class GoogleTokens {

    static final String SCOPE = "https://www.googleapis.com/auth/analytics.readonly";
    static final String GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final Duration MARGIN = Duration.ofMinutes(1);

    private record Token(String value, Instant expiresAt) {
    }

    private final Map<String, Token> cache = new ConcurrentHashMap<>();

    String token(JsonObject key, URI tokenUrl, Instant now, OutboundHttp http) throws ProviderException {
        String cacheKey = key.getString("client_email") + " " + tokenUrl + " " + key.getString("private_key_id", "");
        Token cached = cache.get(cacheKey);
        if (cached != null && now.isBefore(cached.expiresAt().minus(MARGIN))) {
            return cached.value();
        }
        String form = "grant_type=" + MixpanelConnector.encode(GRANT) + "&assertion="
                + assertion(key, tokenUrl, now);
        JsonObject answer = MixpanelExport.readObject(http.send(HttpRequest.newBuilder()
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), tokenUrl).body());
        if (!(answer.get("access_token") instanceof JsonString access)) {
            throw new ProviderException(ProviderException.Kind.MALFORMED, "the token answer has no access_token");
        }
        long seconds = answer.get("expires_in") instanceof JsonNumber n ? n.longValue() : 3600;
        Token token = new Token(access.getString(), now.plusSeconds(seconds));
        cache.put(cacheKey, token);
        return token.value();
    }

    static String assertion(JsonObject key, URI tokenUrl, Instant now) throws ProviderException {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(key.getString("client_email"))
                    .claim("scope", SCOPE).audience(tokenUrl.toString()).issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(Duration.ofHours(1)))).build();
            JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT);
            if (key.get("private_key_id") instanceof JsonString kid) {
                header.keyID(kid.getString());
            }
            SignedJWT jwt = new SignedJWT(header.build(), claims);
            jwt.sign(new RSASSASigner(privateKey(key.getString("private_key"))));
            return jwt.serialize();
        } catch (JOSEException | IllegalArgumentException | GeneralSecurityException e) {
            throw new ProviderException(ProviderException.Kind.REFUSED, "the service-account key cannot sign: "
                    + e.getClass().getSimpleName(), null, e);
        }
    }

    /** A PKCS#8 PEM key, as Google's service-account JSON holds it. */
    static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        String body = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                .decode(body)));
    }
}
