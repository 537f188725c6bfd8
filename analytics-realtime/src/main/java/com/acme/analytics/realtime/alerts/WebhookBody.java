package com.acme.analytics.realtime.alerts;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The body of a webhook channel, compatible with Prometheus Alertmanager's webhook (version 4), and its signature
 * {@code X-Analytics-Signature: sha256=<hex HMAC-SHA256 of the body with the channel's secret>}, so a receiver built
 * for Alertmanager reads it and can tell it came from us.
 */
public final class WebhookBody {

    public static final String SIGNATURE_HEADER = "X-Analytics-Signature";
    private static final JsonProvider JSON = JsonProvider.provider();
    /** Alertmanager's "zero" time, for an alert that has not ended. */
    private static final String NOT_ENDED = "0001-01-01T00:00:00Z";

    private WebhookBody() {
    }

    /**
     * @param ruleId  the rule, which with the group makes the alert's fingerprint
     * @param group   the group (campaign) or empty
     * @param startsAt when it fired; {@code endsAt} is {@code resolvedAt}, or null while firing
     */
    public static String json(String workspaceId, String ruleId, String group, AlertRule rule, String message,
                              Instant startsAt, Instant resolvedAt) {
        String status = resolvedAt == null ? "firing" : "resolved";
        JsonObjectBuilder labels = JSON.createObjectBuilder().add("alertname", rule.name())
                .add("workspace", workspaceId).add("rule_id", ruleId).add("severity", rule.severity())
                .add("metric", rule.metric().view() + "." + rule.metric().field());
        if (!group.isEmpty()) {
            labels.add("campaignId", group);
        }
        JsonObjectBuilder alert = JSON.createObjectBuilder().add("status", status).add("labels", labels)
                .add("annotations", JSON.createObjectBuilder().add("summary", message))
                .add("startsAt", startsAt.toString())
                .add("endsAt", resolvedAt == null ? NOT_ENDED : resolvedAt.toString())
                .add("generatorURL", "/api/workspaces/" + workspaceId + "/alerts/" + ruleId + "/history")
                .add("fingerprint", fingerprint(ruleId, group));
        return JSON.createObjectBuilder().add("version", "4").add("groupKey", ruleId + ":" + group)
                .add("truncatedAlerts", 0).add("status", status).add("receiver", "analytics")
                .add("groupLabels", JSON.createObjectBuilder().add("alertname", rule.name()))
                .add("commonLabels", JSON.createObjectBuilder().add("alertname", rule.name()))
                .add("commonAnnotations", JSON.createObjectBuilder())
                .add("externalURL", "")
                .add("alerts", JSON.createArrayBuilder().add(alert))
                .build().toString();
    }

    /** {@code sha256=<hex>} of the exact bytes sent. */
    public static String signature(String body, String secret) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8),
                body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String fingerprint(String ruleId, String group) {
        return HexFormat.of().formatHex(hmac(ruleId.getBytes(StandardCharsets.UTF_8),
                group.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
