package com.acme.analytics.ingest.sync.connectors;

import com.acme.analytics.ingest.sync.ProviderConnector;
import com.acme.analytics.ingest.sync.SyncRequest;
import com.acme.analytics.ingest.sync.SyncSink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Segment has no query API for events, so a Segment integration is push: Segment's Webhooks destination posts each
 * message to {@code POST /api/integrations/{id}/segment-webhook}, signed in {@code X-Signature} (hex HMAC-SHA1 of
 * the body with {@code credentials.sharedSecret}). Its scheduled sync fetches nothing; it keeps the integration's
 * status current.
 */
@ApplicationScoped
public class SegmentConnector implements ProviderConnector {

    static final int MIN_SECRET = 16;

    @Override
    public String provider() {
        return "segment";
    }

    @Override
    public MinimumFrequency minimumFrequency(JsonObject config) {
        return new MinimumFrequency(Duration.ofMinutes(1), "Segment pushes its events to the webhook; the"
                + " schedule only keeps the status current, so more than once a minute buys nothing");
    }

    @Override
    public Map<String, String> validate(JsonObject config, JsonObject credentials) {
        Map<String, String> wrong = new HashMap<>();
        String secret = JsonFields.requiredText(credentials, "sharedSecret", "credentials.sharedSecret", wrong);
        if (secret != null && secret.length() < MIN_SECRET) {
            wrong.put("credentials.sharedSecret", "must be at least " + MIN_SECRET + " characters: the Webhooks"
                    + " destination's shared secret");
        }
        return wrong;
    }

    @Override
    public void sync(SyncRequest request, SyncSink sink) {
        // Push only: the events arrived through the webhook.
    }

    /** Whether {@code signatureHex} is the hex HMAC-SHA1 of the body under the secret (compared in constant time). */
    public static boolean signed(byte[] body, String secret, String signatureHex) {
        if (signatureHex == null || secret == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] expected = HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, signatureHex.strip().toLowerCase(java.util.Locale.ROOT)
                    .getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is part of every Java platform", e);
        }
    }
}
