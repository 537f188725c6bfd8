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
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("title", (t == AlertEvaluator.Transition.FIRED ? "Alert: " : "Resolved: ") + rule.name());
        data.put("message", message(rule, subject, t, o));
        data.put("severity", t == AlertEvaluator.Transition.FIRED ? rule.severity() : "success");
        data.put("category", "campaign");
        data.put("timestamp", at.toEpochMilli());
        data.put("action_url", actionUrl);
        data.put("auto_dismiss", t == AlertEvaluator.Transition.RESOLVED);
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
