package com.acme.analytics.realtime.alerts;

import jakarta.json.spi.JsonProvider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a transition (or a test) becomes, made once when it is recorded: the history event and one delivery per
 * channel with its exact body, a webhook's signed with the channel's secret, so that a retry an hour later sends the
 * same bytes and the sender never needs the secret.
 *
 * @param kind      fired, resolved or test
 * @param startedAt when the alert fired (for a resolution: the firing it ends)
 */
public record AlertDispatch(UUID eventId, String ruleId, String workspaceId, String group, String kind, Instant at,
                            Instant startedAt, Double value, Double threshold, String message,
                            List<Delivery> deliveries) {

    /** One channel's notification: {@code url} and {@code signature} null for the dashboard. */
    public record Delivery(String channel, String url, String body, String signature) {
    }

    private static final JsonProvider JSON = JsonProvider.provider();

    public AlertDispatch {
        deliveries = List.copyOf(deliveries);
    }

    /** A firing or resolution of a group. */
    public static AlertDispatch of(String ruleId, String workspaceId, AlertRule rule, RuleStep.Change c, Instant at) {
        boolean fired = c.transition() == AlertEvaluator.Transition.FIRED;
        String subject = c.group().isEmpty() ? null : c.group();
        String message = c.observed() != null ? AlertNotice.message(rule, subject, c.transition(), c.observed())
                : noData(rule, subject, fired);
        Instant startedAt = fired ? at : c.before().firedAt();
        return build(ruleId, workspaceId, rule, c.group(), fired ? "fired" : "resolved", at, startedAt,
                c.observed() == null ? null : c.observed().value(), message, fired ? null : at);
    }

    /** The end of a group's firing because its rule was replaced: its channels hear that it is over. */
    public static AlertDispatch replaced(String ruleId, String workspaceId, AlertRule rule, String group,
                                         Instant firedAt, Instant at) {
        String message = rule.metric().field() + " of " + subject(rule, group.isEmpty() ? null : group)
                + ": no longer watched, the rule was replaced";
        return build(ruleId, workspaceId, rule, group, "resolved", at, firedAt, null, message, at);
    }

    /** A test notification through every channel of the rule. */
    public static AlertDispatch test(String ruleId, String workspaceId, AlertRule rule, Instant at) {
        return build(ruleId, workspaceId, rule, "", "test", at, at, null,
                "Test of alert '" + rule.name() + "': notifications of this rule reach this channel", null);
    }

    private static AlertDispatch build(String ruleId, String workspaceId, AlertRule rule, String group, String kind,
                                       Instant at, Instant startedAt, Double value, String message,
                                       Instant resolvedAt) {
        UUID id = UUID.randomUUID();
        boolean resolved = resolvedAt != null;
        String title = (kind.equals("test") ? "Test: " : resolved ? "Resolved: " : "Alert: ") + rule.name();
        List<Delivery> deliveries = new ArrayList<>();
        for (AlertRule.Channel ch : rule.channels()) {
            switch (ch.type()) {
                case "dashboard" -> deliveries.add(new Delivery("dashboard", null, JSON.createObjectBuilder(
                        AlertNotice.data(id.toString(), title, message, resolved ? "success" : rule.severity(), at,
                                pageUrl(ruleId), resolved)).build().toString(), null));
                case "webhook" -> {
                    String body = WebhookBody.json(workspaceId, ruleId, group, rule, message,
                            startedAt == null ? at : startedAt, resolvedAt);
                    deliveries.add(new Delivery("webhook", ch.url(), body, WebhookBody.signature(body, ch.secret())));
                }
                case "slack" -> deliveries.add(new Delivery("slack", ch.url(), JSON.createObjectBuilder()
                        .add("text", "*" + title + "*\n" + message).build().toString(), null));
                default -> throw new IllegalArgumentException("unknown channel type " + ch.type());
            }
        }
        return new AlertDispatch(id, ruleId, workspaceId, group, kind, at, startedAt, value,
                rule.condition().threshold(), message, deliveries);
    }

    /** What the rule watches: the group's campaign, the rule's campaign or the workspace. */
    private static String subject(AlertRule rule, String group) {
        return group != null ? group : rule.metric().campaignId() != null ? rule.metric().campaignId()
                : "the workspace";
    }

    /**
     * The dashboard's page of the rule (its state, editor and history), where the notification links: the history
     * resource itself wants a bearer token that a plain link cannot carry.
     */
    static String pageUrl(String ruleId) {
        return "/#/alerts/" + ruleId;
    }

    private static String noData(AlertRule rule, String subject, boolean fired) {
        return rule.metric().field() + " of " + subject(rule, subject) + " in the last "
                + Durations.spoken(rule.window()) + ": " + (fired ? "no data" : "data again");
    }
}
