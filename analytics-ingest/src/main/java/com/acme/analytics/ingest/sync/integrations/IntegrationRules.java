package com.acme.analytics.ingest.sync.integrations;

import com.acme.analytics.domain.events.FieldViolation;
import com.acme.analytics.domain.events.InvalidInputException;
import com.acme.analytics.domain.outbound.OutboundHosts;
import com.acme.analytics.domain.outbound.OutboundRefusedException;
import com.acme.analytics.ingest.sync.ProviderConnector;
import com.acme.analytics.ingest.sync.ProviderConnector.MinimumFrequency;
import com.acme.analytics.domain.integrations.SyncFrequency;
import com.acme.analytics.domain.integrations.Transformation;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads an integration request ({@code POST} or {@code PUT}) and refuses it field by field: an unknown provider, a
 * frequency that is not {@code <n>s|m|h} or is below the provider's minimum (with the reason), an unknown
 * transformation function, a malformed expression, a config or credentials missing what the provider needs, a URL
 * whose host {@code analytics.outbound.allowed-hosts} refuses.
 */
public final class IntegrationRules {

    static final int MAX_NAME = 200;

    private final Map<String, ProviderConnector> connectors;
    private final OutboundHosts hosts;

    public IntegrationRules(Map<String, ProviderConnector> connectors, OutboundHosts hosts) {
        this.connectors = Map.copyOf(connectors);
        this.hosts = hosts;
    }

    /** What a valid request asks for; credentials in clear, to be sealed at once. */
    public record Request(String provider, String name, Long workflowId, JsonObject config, JsonObject credentials,
                          SyncFrequency frequency, JsonObject filters, JsonObject transformations) {

        @Override
        public String toString() {
            return "Request[" + provider + " " + name + "]";
        }
    }

    /**
     * @param body               the request body
     * @param currentCredentials the stored credentials, opened, when updating (a PUT may leave them out); null on
     *                           create
     * @throws InvalidInputException naming each field at fault
     */
    public Request read(JsonObject body, JsonObject currentCredentials) {
        List<FieldViolation> violations = new ArrayList<>();
        String provider = text(body, "provider", violations);
        ProviderConnector connector = provider == null ? null : connectors.get(provider);
        if (provider != null && connector == null) {
            violations.add(new FieldViolation("provider", "unknown provider '" + provider + "'; known: "
                    + String.join(", ", new TreeMap<>(connectors).keySet())));
        }
        String name = text(body, "name", violations);
        if (name != null && (name.isBlank() || name.length() > MAX_NAME)) {
            violations.add(new FieldViolation("name", "must be 1 to " + MAX_NAME + " characters"));
        }
        Long workflowId = workflowId(body, violations);
        JsonObject config = object(body, "config", true, violations);
        JsonObject credentials = body.containsKey("credentials") || currentCredentials == null
                ? object(body, "credentials", true, violations) : currentCredentials;
        SyncFrequency frequency = frequency(body, violations);
        JsonObject filters = filters(body, violations);
        JsonObject transformations = transformations(body, violations);
        if (connector != null && config != null && credentials != null) {
            Map<String, String> wrong = connector.validate(config, credentials);
            wrong.forEach((field, message) -> violations.add(new FieldViolation(field, message)));
            if (wrong.isEmpty()) {
                checkHosts(connector.endpoints(config), violations);
            }
        }
        if (connector != null && config != null && frequency != null) {
            MinimumFrequency minimum = connector.minimumFrequency(config);
            if (frequency.every().compareTo(minimum.floor()) < 0) {
                violations.add(new FieldViolation("syncFrequency", "must be at least "
                        + SyncFrequency.describe(minimum.floor()) + " for " + provider + ": " + minimum.reason()));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Request(provider, name.strip(), workflowId, config, credentials, frequency, filters,
                transformations);
    }

    private void checkHosts(Map<String, URI> endpoints, List<FieldViolation> violations) {
        endpoints.forEach((field, uri) -> {
            try {
                hosts.check(uri);
            } catch (OutboundRefusedException e) {
                violations.add(new FieldViolation(field, e.getMessage()));
            }
        });
    }

    private static String text(JsonObject body, String field, List<FieldViolation> violations) {
        JsonValue v = body.get(field);
        if (v instanceof JsonString s) {
            return s.getString();
        }
        violations.add(new FieldViolation(field, v == null ? "is required" : "must be a string"));
        return null;
    }

    private static Long workflowId(JsonObject body, List<FieldViolation> violations) {
        JsonValue v = body.get("workflowId");
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof jakarta.json.JsonNumber n && n.isIntegral() && n.longValue() > 0) {
            return n.longValue();
        }
        violations.add(new FieldViolation("workflowId", "must be a positive whole number"));
        return null;
    }

    private static JsonObject object(JsonObject body, String field, boolean required,
                                     List<FieldViolation> violations) {
        JsonValue v = body.get(field);
        if (v instanceof JsonObject o) {
            return o;
        }
        if (v == null && !required) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        violations.add(new FieldViolation(field, v == null ? "is required: an object" : "must be an object"));
        return null;
    }

    private static SyncFrequency frequency(JsonObject body, List<FieldViolation> violations) {
        String field = body.containsKey("syncFrequency") || !body.containsKey("sync_frequency")
                ? "syncFrequency" : "sync_frequency";
        JsonValue v = body.get(field);
        if (!(v instanceof JsonString s)) {
            violations.add(new FieldViolation(field, v == null ? "is required, such as 30s, 5m or 1h"
                    : "must be a string such as 30s, 5m or 1h"));
            return null;
        }
        return SyncFrequency.parse(s.getString()).orElseGet(() -> {
            violations.add(new FieldViolation(field, "must be <n>s, <n>m or <n>h (such as 30s, 5m, 1h), not '"
                    + s.getString() + "'"));
            return null;
        });
    }

    private static JsonObject filters(JsonObject body, List<FieldViolation> violations) {
        JsonObject filters = object(body, "filters", false, violations);
        if (filters == null) {
            return null;
        }
        for (String key : filters.keySet()) {
            JsonValue list = filters.get(key);
            boolean known = key.equals("metrics") || key.equals("events");
            if (!known) {
                violations.add(new FieldViolation("filters." + key, "unknown filter; known: metrics, events"));
            } else if (!(list instanceof jakarta.json.JsonArray array)
                    || array.stream().anyMatch(e -> !(e instanceof JsonString))) {
                violations.add(new FieldViolation("filters." + key, "must be an array of names"));
            }
        }
        return filters;
    }

    private static JsonObject transformations(JsonObject body, List<FieldViolation> violations) {
        JsonObject transformations = object(body, "transformations", false, violations);
        if (transformations == null) {
            return null;
        }
        transformations.forEach((name, value) -> {
            String field = "transformations." + name;
            if (!(value instanceof JsonString expression)) {
                violations.add(new FieldViolation(field, "must be an expression such as moving_average(5m)"));
                return;
            }
            try {
                Transformation.parse(name, expression.getString());
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation(field, e.getMessage()));
            }
        });
        return transformations;
    }
}
