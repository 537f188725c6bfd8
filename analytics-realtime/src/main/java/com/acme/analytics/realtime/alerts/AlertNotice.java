package com.acme.analytics.realtime.alerts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code data} of the 004 {@code notification} message that a firing or resolved alert becomes, saying what
 * crossed what: "clicks of camp_123 in the last 5 min: 412, above 400".
 */
public final class AlertNotice {

    private AlertNotice() {
    }

    /**
     * @param id       the notification's id (one per transition, so that a client can drop a repeat)
     * @param subject  the campaign (or group) the value is of, or null for the whole workspace
     * @param actionUrl where the dashboard links to, such as the rule's history
     */
    public static Map<String, Object> data(String id, AlertRule rule, String subject, AlertEvaluator.Transition t,
                                           Observation o, Instant at, String actionUrl) {
        boolean fired = t == AlertEvaluator.Transition.FIRED;
        return data(id, (fired ? "Alert: " : "Resolved: ") + rule.name(), message(rule, subject, t, o),
                fired ? rule.severity() : "success", at, actionUrl, !fired);
    }

    /** The data of any alert notification: a resolution dismisses itself, a firing stays until it is read. */
    public static Map<String, Object> data(String id, String title, String message, String severity, Instant at,
                                           String actionUrl, boolean autoDismiss) {
        return data(id, title, message, severity, "campaign", at, actionUrl, autoDismiss);
    }

    /** @param category {@code campaign} for a rule's, {@code system} for a built-in system alert's */
    public static Map<String, Object> data(String id, String title, String message, String severity, String category,
                                           Instant at, String actionUrl, boolean autoDismiss) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("title", title);
        data.put("message", message);
        data.put("severity", severity);
        data.put("category", category);
        data.put("timestamp", at.toEpochMilli());
        data.put("action_url", actionUrl);
        data.put("auto_dismiss", autoDismiss);
        return data;
    }

    static String message(AlertRule rule, String subject, AlertEvaluator.Transition t, Observation o) {
        String of = subject != null ? subject : rule.metric().campaignId() != null ? rule.metric().campaignId()
                : "the workspace";
        String what = rule.metric().field() + " of " + of + " in the last " + Durations.spoken(rule.window()) + ": "
                + Numbers.plain(o.value()) + ", ";
        String how = rule.condition().describe(o);
        return what + (t == AlertEvaluator.Transition.FIRED ? how : "no longer " + how);
    }
}
