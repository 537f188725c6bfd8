package com.acme.analytics.realtime.alerts;

import com.acme.analytics.domain.events.InvalidInputException;
import com.acme.analytics.domain.outbound.OutboundHosts;
import com.acme.analytics.domain.outbound.OutboundRefusedException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a rule's JSON (issue 13) and refuses it field by field: every bad field is named at once, and an outbound
 * URL that {@link OutboundHosts} refuses is refused here already, not only when a notification is sent.
 */
public final class AlertRuleParser {

    static final int MAX_NAME = 200;
    static final int MAX_CHANNELS = 10;
    static final Duration MAX_WINDOW = Duration.ofHours(24);
    static final Duration MAX_HOLD = Duration.ofDays(1);
    static final Set<String> VIEWS = Set.of("campaign", "dashboard", "workspace", "category");
    static final Set<String> SEVERITIES = Set.of("info", "warning", "error", "success");
    private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY,
            "sat", DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);

    private final OutboundHosts outbound;
    private final FieldReader fields = new FieldReader();

    private AlertRuleParser(OutboundHosts outbound) {
        this.outbound = outbound;
    }

    /** The rule, or InvalidInputException naming every field at fault. */
    public static AlertRule parse(JsonValue body, OutboundHosts outbound) {
        AlertRuleParser p = new AlertRuleParser(outbound);
        if (!(body instanceof JsonObject o)) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        AlertRule rule = p.rule(o);
        p.fields.throwIfRefused();
        return rule;
    }

    /**
     * A rule as stored, for evaluating it: its URLs are not checked here but when a notification is sent, against
     * the allow-list of that moment (so a rule whose webhook the list no longer permits still fires, and its
     * delivery is recorded as refused).
     */
    public static AlertRule parseStored(JsonValue body) {
        return parse(body, null);
    }

    private AlertRule rule(JsonObject o) {
        String name = fields.text(o, "name", "name", true);
        if (name != null && (name.isBlank() || name.length() > MAX_NAME)) {
            fields.refuse("name", "must be 1 to " + MAX_NAME + " characters");
        }
        AlertRule.MetricRef metric = metric(o.get("metric"));
        Duration window = duration(o, "window", null);
        if (window != null && (window.isZero() || window.compareTo(MAX_WINDOW) > 0)) {
            fields.refuse("window", "must be more than 0 and at most 24h");
        }
        Condition condition = condition(o.get("condition"));
        Duration forDuration = held(o, "for");
        Duration keep = held(o, "keepFiringFor");
        Duration cooldown = held(o, "cooldown");
        String noData = fields.text(o, "noData", "noData", false);
        if (noData != null && !noData.equals("ignore") && !noData.equals("alert")) {
            fields.refuse("noData", "must be ignore or alert");
        }
        String severity = fields.text(o, "severity", "severity", false);
        if (severity != null && !SEVERITIES.contains(severity)) {
            fields.refuse("severity", "must be one of info, warning, error, success");
        }
        String groupBy = fields.text(o, "groupBy", "groupBy", false);
        if (groupBy != null && !groupBy.equals("campaignId")) {
            fields.refuse("groupBy", "must be campaignId (one state per campaign, at most " + AlertRule.MAX_GROUPS + ")");
        }
        if (groupBy != null && metric != null && metric.campaignId() != null) {
            fields.refuse("groupBy", "cannot group a metric of one campaign (metric.campaignId is set)");
        }
        if (groupBy == null && metric != null && "campaign".equals(metric.view()) && metric.campaignId() == null) {
            fields.refuse("metric.campaignId", "is required for the campaign view, unless grouped by campaignId");
        }
        if (groupBy != null && metric != null && metric.eventType() != null) {
            fields.refuse("groupBy", "cannot group a metric of one event type (metric.eventType is set)");
        }
        List<AlertRule.Channel> channels = channels(o.get("channels"));
        Set<DayOfWeek> muted = mute(o.get("mute"));
        return new AlertRule(name, metric, window, condition, forDuration, keep, cooldown, "alert".equals(noData),
                severity == null ? "warning" : severity, groupBy, channels, muted);
    }

    private AlertRule.MetricRef metric(JsonValue v) {
        if (!(v instanceof JsonObject m)) {
            fields.refuse("metric", v == null ? "is required" : "must be an object {view, field, campaignId?, eventType?}");
            return null;
        }
        String view = fields.text(m, "view", "metric.view", true);
        if (view != null && !VIEWS.contains(view)) {
            fields.refuse("metric.view", "must be one of campaign, dashboard, workspace, category");
        }
        String field = fields.text(m, "field", "metric.field", true);
        if (field != null && view != null && VIEWS.contains(view) && !MetricFields.of(view).contains(field)) {
            fields.refuse("metric.field", "must be a field of the " + view + " view: " + String.join(", ",
                    MetricFields.of(view)));
        }
        String campaignId = fields.text(m, "campaignId", "metric.campaignId", false);
        String eventType = fields.text(m, "eventType", "metric.eventType", false);
        return new AlertRule.MetricRef(view, field, campaignId, eventType);
    }

    private Condition condition(JsonValue v) {
        if (!(v instanceof JsonObject c)) {
            fields.refuse("condition", v == null ? "is required" : "must be an object with a kind");
            return null;
        }
        String kind = fields.text(c, "kind", "condition.kind", true);
        if (kind == null) {
            return null;
        }
        switch (kind) {
            case "above", "below" -> {
                Double threshold = fields.number(c, "threshold", "condition.threshold");
                return threshold == null ? null : new Condition.Threshold(kind, threshold);
            }
            case "increase", "decrease" -> {
                Double percent = fields.number(c, "percent", "condition.percent");
                if (percent != null && percent <= 0) {
                    fields.refuse("condition.percent", "must be more than 0");
                }
                String compareTo = fields.text(c, "compareTo", "condition.compareTo", false);
                compareTo = compareTo == null ? "previous_window" : compareTo;
                if (!compareTo.equals("previous_window") && !compareTo.equals("same_window_last_week")) {
                    fields.refuse("condition.compareTo", "must be previous_window or same_window_last_week");
                }
                return percent == null ? null : new Condition.Change(kind, percent, compareTo);
            }
            case "anomaly" -> {
                Double z = fields.number(c, "zScore", "condition.zScore");
                if (z != null && z <= 0) {
                    fields.refuse("condition.zScore", "must be more than 0");
                }
                Double history = c.containsKey("history") ? fields.number(c, "history", "condition.history") : 30.0;
                if (history != null && (history != Math.rint(history) || history < Condition.Anomaly.MIN_SAMPLES
                        || history > 1440)) {
                    fields.refuse("condition.history", "must be a whole number of windows from 3 to 1440");
                    history = null;
                }
                return z == null || history == null ? null : new Condition.Anomaly(z, history.intValue());
            }
            default -> {
                fields.refuse("condition.kind", "must be one of above, below, increase, decrease, anomaly");
                return null;
            }
        }
    }

    private List<AlertRule.Channel> channels(JsonValue v) {
        if (v == null) {
            return List.of(new AlertRule.Channel("dashboard", null, null));
        }
        if (!(v instanceof JsonArray a) || a.isEmpty() || a.size() > MAX_CHANNELS) {
            fields.refuse("channels", "must be a list of 1 to " + MAX_CHANNELS + " channels");
            return List.of();
        }
        List<AlertRule.Channel> channels = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            String at = "channels[" + i + "]";
            if (!(a.get(i) instanceof JsonObject c)) {
                fields.refuse(at, "must be an object with a type");
                continue;
            }
            String type = fields.text(c, "type", at + ".type", true);
            if (type == null) {
                continue;
            }
            switch (type) {
                case "dashboard" -> channels.add(new AlertRule.Channel(type, null, null));
                case "webhook", "slack" -> {
                    String url = url(c, at + ".url");
                    String secret = type.equals("webhook") ? fields.text(c, "secret", at + ".secret", true) : null;
                    if (secret != null && secret.length() < 16) {
                        fields.refuse(at + ".secret", "must be at least 16 characters");
                    }
                    channels.add(new AlertRule.Channel(type, url, secret));
                }
                default -> fields.refuse(at + ".type", "must be dashboard, webhook or slack");
            }
        }
        return channels;
    }

    private String url(JsonObject c, String at) {
        String url = fields.text(c, "url", at, true);
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url);
            if (outbound != null) {
                outbound.check(uri);
            }
        } catch (IllegalArgumentException e) {
            fields.refuse(at, "is not a URL: " + e.getMessage());
        } catch (OutboundRefusedException e) {
            fields.refuse(at, "is refused: " + e.getMessage() + " (analytics.outbound.allowed-hosts)");
        }
        return url;
    }

    private Set<DayOfWeek> mute(JsonValue v) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (v == null) {
            return days;
        }
        if (!(v instanceof JsonArray a)) {
            fields.refuse("mute", "must be a list of {days: [mon..sun]}");
            return days;
        }
        for (int i = 0; i < a.size(); i++) {
            String at = "mute[" + i + "].days";
            JsonValue d = a.get(i) instanceof JsonObject m ? m.get("days") : null;
            if (!(d instanceof JsonArray list)) {
                fields.refuse(at, "must be a list of days: mon, tue, wed, thu, fri, sat, sun");
                continue;
            }
            for (int j = 0; j < list.size(); j++) {
                DayOfWeek day = list.get(j) instanceof JsonString s ? DAYS.get(s.getString()) : null;
                if (day == null) {
                    fields.refuse(at + "[" + j + "]", "must be one of mon, tue, wed, thu, fri, sat, sun");
                } else {
                    days.add(day);
                }
            }
        }
        return days;
    }

    private Duration held(JsonObject o, String key) {
        Duration d = duration(o, key, Duration.ZERO);
        if (d != null && d.compareTo(MAX_HOLD) > 0) {
            fields.refuse(key, "must be at most 1d");
        }
        return d;
    }

    private Duration duration(JsonObject o, String key, Duration absent) {
        String t = fields.text(o, key, key, absent == null);
        if (t == null) {
            return absent;
        }
        Duration d = Durations.parse(t);
        if (d == null) {
            fields.refuse(key, "must be a duration such as 0, 30s, 5m, 1h");
        }
        return d;
    }
}
