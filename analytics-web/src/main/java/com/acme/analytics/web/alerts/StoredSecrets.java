package com.acme.analytics.web.alerts;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;

/**
 * Webhook secrets are never answered, so an editor that changes a rule cannot send them back: a replacement's
 * webhook without a secret keeps the stored secret of the webhook with the same URL. A new URL needs its own
 * secret (the parser then refuses the missing one), so a secret never follows a rule to another receiver.
 */
final class StoredSecrets {

    private static final JsonProvider JSON = JsonProvider.provider();

    private StoredSecrets() {
    }

    /** The body with the stored secrets filled in; anything not a rule with channels is returned as given. */
    static String kept(String body, String stored) {
        if (body == null || body.length() > AlertsResource.MAX_BODY_CHARS) {
            return body;
        }
        JsonObject rule;
        try (var reader = JSON.createReader(new StringReader(body))) {
            rule = reader.readValue() instanceof JsonObject o ? o : null;
        } catch (JsonException e) {
            return body;
        }
        if (rule == null || !(rule.get("channels") instanceof JsonArray channels)) {
            return body;
        }
        JsonArray before;
        try (var reader = JSON.createReader(new StringReader(stored))) {
            before = reader.readObject().getJsonArray("channels");
        }
        JsonArrayBuilder out = JSON.createArrayBuilder();
        for (JsonValue c : channels) {
            String secret = c instanceof JsonObject o && "webhook".equals(o.getString("type", null))
                    && !o.containsKey("secret") ? secretOf(before, o.get("url")) : null;
            out.add(secret == null ? c : JSON.createObjectBuilder(c.asJsonObject()).add("secret", secret).build());
        }
        return JSON.createObjectBuilder(rule).add("channels", out).build().toString();
    }

    private static String secretOf(JsonArray stored, JsonValue url) {
        if (stored == null || url == null) {
            return null;
        }
        return stored.stream().filter(s -> s instanceof JsonObject o && "webhook".equals(o.getString("type", null))
                        && url.equals(o.get("url")) && o.containsKey("secret"))
                .map(s -> s.asJsonObject().getString("secret")).findFirst().orElse(null);
    }
}
