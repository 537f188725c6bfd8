package com.acme.analytics.ingest.simulator;

import com.acme.analytics.domain.events.FieldViolation;
import com.acme.analytics.domain.events.InvalidInputException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A body of {@code POST /api/analytics/real-time/simulate}, as the campaign document writes it: {@code action}
 * ({@code start}, {@code burst}, {@code journey}, {@code stop}), {@code campaignIds}, the optional
 * {@code organizationId} and {@code options}. Absent options take the defaults below (or the limit, when lower);
 * options beyond the limits are refused naming the field ({@code options.eventsPerMinute}, ...).
 *
 * @param organizationId the workspace named in the body, or null (then the caller's)
 * @param simulationId   for {@code stop}: the simulation to stop, or null for all of the workspace's
 */
public record SimulationRequest(Action action, List<String> campaignIds, String organizationId, int eventsPerMinute,
                                int durationMinutes, EventMix mix, int count, double errorRate,
                                String simulationId) {

    public enum Action {
        START, BURST, JOURNEY, STOP;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final int DEFAULT_EVENTS_PER_MINUTE = 60;
    public static final int DEFAULT_DURATION_MINUTES = 10;
    public static final int DEFAULT_BURST = 100;
    private static final int MAX_ID_LENGTH = 128;

    /** @throws InvalidInputException naming every field at fault */
    public static SimulationRequest read(JsonObject body, SimulatorLimits limits) {
        List<FieldViolation> violations = new ArrayList<>();
        Action action = action(body, violations);
        String organizationId = id(body.get("organizationId"), "organizationId", violations);
        String simulationId = id(body.get("simulationId"), "simulationId", violations);
        JsonObject options = JsonValue.EMPTY_JSON_OBJECT;
        JsonValue o = body.get("options");
        if (o != null && o.getValueType() == JsonValue.ValueType.OBJECT) {
            options = o.asJsonObject();
        } else if (o != null && o.getValueType() != JsonValue.ValueType.NULL) {
            violations.add(new FieldViolation("options", "must be a JSON object"));
        }
        boolean needsCampaigns = action != null && action != Action.STOP;
        List<String> campaigns = needsCampaigns ? campaigns(body.get("campaignIds"), limits, violations) : List.of();
        int perMinute = whole(options, "eventsPerMinute", DEFAULT_EVENTS_PER_MINUTE, limits.maxEventsPerMinute(),
                "analytics.simulator.max-events-per-minute", violations);
        int duration = whole(options, "duration", DEFAULT_DURATION_MINUTES, limits.maxDurationMinutes(),
                "analytics.simulator.max-duration-minutes", violations);
        int count = whole(options, "count", DEFAULT_BURST, limits.maxBurst(), "analytics.simulator.max-burst",
                violations);
        double errorRate = rate(options, "errorRate", 0, violations);
        EventMix mix = null;
        double impressions = rate(options, "impressionRate", EventMix.DEFAULT.impressionRate(), violations);
        double clicks = rate(options, "clickRate", EventMix.DEFAULT.clickRate(), violations);
        double conversions = rate(options, "conversionRate", EventMix.DEFAULT.conversionRate(), violations);
        if (violations.isEmpty()) {
            try {
                mix = new EventMix(impressions, clicks, conversions);
            } catch (InvalidInputException e) {
                violations.addAll(e.violations());
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new SimulationRequest(action, campaigns, organizationId, perMinute, duration, mix, count, errorRate,
                simulationId);
    }

    private static Action action(JsonObject body, List<FieldViolation> violations) {
        JsonValue v = body.get("action");
        if (v instanceof JsonString s) {
            for (Action a : Action.values()) {
                if (a.wireName().equals(s.getString())) {
                    return a;
                }
            }
        }
        violations.add(new FieldViolation("action", "must be one of start, burst, journey, stop"));
        return null;
    }

    private static String id(JsonValue v, String field, List<FieldViolation> violations) {
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(v instanceof JsonString s) || s.getString().isBlank() || s.getString().length() > MAX_ID_LENGTH) {
            violations.add(new FieldViolation(field, "must be a non-empty string of at most " + MAX_ID_LENGTH
                    + " characters"));
            return null;
        }
        return s.getString();
    }

    private static List<String> campaigns(JsonValue v, SimulatorLimits limits, List<FieldViolation> violations) {
        if (v == null || v.getValueType() != JsonValue.ValueType.ARRAY || v.asJsonArray().isEmpty()) {
            violations.add(new FieldViolation("campaignIds", "is required: a non-empty array of campaign ids"));
            return List.of();
        }
        if (v.asJsonArray().size() > limits.maxCampaigns()) {
            violations.add(new FieldViolation("campaignIds", "at most " + limits.maxCampaigns()
                    + " campaigns (analytics.simulator.max-campaigns); got " + v.asJsonArray().size()));
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < v.asJsonArray().size(); i++) {
            String id = id(v.asJsonArray().get(i), "campaignIds[" + i + "]", violations);
            if (id != null) {
                ids.add(id);
            } else if (v.asJsonArray().get(i).getValueType() == JsonValue.ValueType.NULL) {
                violations.add(new FieldViolation("campaignIds[" + i + "]", "must be a campaign id"));
            }
        }
        return List.copyOf(ids);
    }

    private static int whole(JsonObject options, String name, int fallback, int max, String key,
                             List<FieldViolation> violations) {
        JsonValue v = options.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return Math.min(fallback, max);
        }
        if (!(v instanceof JsonNumber n) || !n.isIntegral() || n.bigDecimalValue().compareTo(BigDecimal.ONE) < 0
                || n.bigDecimalValue().compareTo(BigDecimal.valueOf(max)) > 0) {
            violations.add(new FieldViolation("options." + name, "must be a whole number from 1 to " + max + " ("
                    + key + "); got " + v));
            return fallback;
        }
        return n.intValueExact();
    }

    private static double rate(JsonObject options, String name, double fallback, List<FieldViolation> violations) {
        JsonValue v = options.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return fallback;
        }
        if (!(v instanceof JsonNumber n) || n.doubleValue() < 0 || n.doubleValue() > 1) {
            violations.add(new FieldViolation("options." + name, "must be a number from 0 to 1; got " + v));
            return fallback;
        }
        return n.doubleValue();
    }
}
