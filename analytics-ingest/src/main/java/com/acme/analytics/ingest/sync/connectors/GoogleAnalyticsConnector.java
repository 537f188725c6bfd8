package com.acme.analytics.ingest.sync.connectors;

import com.acme.analytics.ingest.sync.ProviderConnector;
import com.acme.analytics.ingest.sync.ProviderException;
import com.acme.analytics.ingest.sync.SyncRequest;
import com.acme.analytics.ingest.sync.SyncSink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Google Analytics 4's Data API: {@code POST {apiBaseUrl}/v1beta/properties/{propertyId}:runRealtimeReport} with
 * {@code config.metrics}, {@code config.dimensions} and {@code config.minuteRanges}, authorised by a service
 * account ({@link GoogleTokens}). A {@code minutesAgo} dimension turns into the absolute minute of the point, so
 * re-fetched minutes overwrite their rows. When {@code propertyQuota} shows 10 % or less of the hourly tokens left,
 * the next sync waits for the next hour.
 */
@ApplicationScoped
public class GoogleAnalyticsConnector implements ProviderConnector {

    static final String API = "https://analyticsdata.googleapis.com";
    static final String TOKEN_URL = "https://oauth2.googleapis.com/token";

    private final GoogleTokens tokens = new GoogleTokens();
    /** Properties whose hourly tokens ran low, and when they may be asked again. */
    private final Map<String, Instant> slowUntil = new ConcurrentHashMap<>();

    @Override
    public String provider() {
        return "google_analytics";
    }

    @Override
    public MinimumFrequency minimumFrequency(JsonObject config) {
        return new MinimumFrequency(Duration.ofMinutes(1), "a GA4 standard property has 25,000 tokens a day and"
                + " 5,000 an hour; one realtime report a minute (1,440 a day) leaves about 17 tokens per report");
    }

    @Override
    public Map<String, String> validate(JsonObject config, JsonObject credentials) {
        Map<String, String> wrong = new HashMap<>();
        if (JsonFields.positiveWhole(config.get("propertyId")) == null) {
            wrong.put("config.propertyId", "is required: the GA4 property's number");
        }
        if (!(config.get("metrics") instanceof JsonArray m) || m.isEmpty()
                || !m.stream().allMatch(v -> v instanceof JsonString)) {
            wrong.put("config.metrics", "is required: an array of GA4 metric names such as activeUsers");
        }
        JsonValue dims = config.get("dimensions");
        if (dims != null && !(dims instanceof JsonArray d && d.stream().allMatch(v -> v instanceof JsonString))) {
            wrong.put("config.dimensions", "must be an array of GA4 dimension names such as minutesAgo");
        }
        JsonFields.url(config, "apiBaseUrl", API, "config.apiBaseUrl", wrong);
        JsonFields.url(config, "tokenUrl", credentials.getString("token_uri", TOKEN_URL), "config.tokenUrl", wrong);
        JsonFields.requiredText(credentials, "client_email", "credentials.client_email", wrong);
        String key = JsonFields.requiredText(credentials, "private_key", "credentials.private_key", wrong);
        if (key != null) {
            try {
                GoogleTokens.privateKey(key);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                wrong.put("credentials.private_key", "must be the service-account key's PKCS#8 PEM private key");
            }
        }
        return wrong;
    }

    @Override
    public Map<String, URI> endpoints(JsonObject config) {
        Map<String, URI> urls = new LinkedHashMap<>();
        urls.put("config.apiBaseUrl", URI.create(config.getString("apiBaseUrl", API).strip()));
        if (config.containsKey("tokenUrl")) {
            urls.put("config.tokenUrl", URI.create(config.getString("tokenUrl").strip()));
        }
        return urls;
    }

    @Override
    public void sync(SyncRequest request, SyncSink sink) throws ProviderException {
        JsonObject config = request.config();
        String property = Long.toString(JsonFields.positiveWhole(config.get("propertyId")));
        Instant slow = slowUntil.get(property);
        if (slow != null && request.now().isBefore(slow)) {
            throw new ProviderException(ProviderException.Kind.RATE_LIMITED, "property " + property + " has 10 % or"
                    + " less of its hourly tokens left", Duration.between(request.now(), slow), null);
        }
        URI tokenUrl = URI.create(config.getString("tokenUrl", request.credentials().getString("token_uri",
                TOKEN_URL)).strip());
        String token = tokens.token(request.credentials(), tokenUrl, request.now(), request.http());
        URI uri = URI.create(JsonFields.base(endpoints(config).get("config.apiBaseUrl")) + "/v1beta/properties/"
                + property + ":runRealtimeReport");
        JsonObject answer = MixpanelExport.readObject(request.http().send(HttpRequest.newBuilder()
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(config).toString())), uri).body());
        points(answer, request.now()).forEach(sink::metric);
        if (answer.get("propertyQuota") instanceof JsonObject quota) {
            sink.quota(quota);
            if (lowOnTokens(quota)) {
                slowUntil.put(property, request.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)));
            }
        }
    }

    static JsonObject body(JsonObject config) {
        JsonArrayBuilder dimensions = Json.createArrayBuilder();
        if (config.get("dimensions") instanceof JsonArray d) {
            d.getValuesAs(JsonString.class).forEach(n -> dimensions.add(Json.createObjectBuilder().add("name",
                    n.getString())));
        }
        JsonArrayBuilder metrics = Json.createArrayBuilder();
        config.getJsonArray("metrics").getValuesAs(JsonString.class).forEach(n -> metrics.add(
                Json.createObjectBuilder().add("name", n.getString())));
        JsonValue ranges = config.getOrDefault("minuteRanges", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("startMinutesAgo", 29).add("endMinutesAgo", 0)).build());
        return Json.createObjectBuilder().add("dimensions", dimensions).add("metrics", metrics)
                .add("minuteRanges", ranges).add("returnPropertyQuota", true).build();
    }

    /** One point per row and metric; values are strings in GA4's answers. */
    static List<SyncSink.MetricPoint> points(JsonObject answer, Instant now) throws ProviderException {
        List<String> dimensionNames = names(answer, "dimensionHeaders");
        List<String> metricNames = names(answer, "metricHeaders");
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        List<SyncSink.MetricPoint> points = new java.util.ArrayList<>();
        JsonValue rows = answer.getOrDefault("rows", JsonValue.EMPTY_JSON_ARRAY);
        if (!(rows instanceof JsonArray list)) {
            throw new ProviderException(ProviderException.Kind.MALFORMED, "rows is not an array");
        }
        for (JsonObject row : list.getValuesAs(JsonObject.class)) {
            Map<String, String> dims = new LinkedHashMap<>();
            Instant bucket = minute;
            JsonArray dv = row.getJsonArray("dimensionValues");
            for (int i = 0; i < dimensionNames.size() && dv != null && i < dv.size(); i++) {
                String value = dv.getJsonObject(i).getString("value", "");
                if (dimensionNames.get(i).equals("minutesAgo") && value.matches("[0-9]{1,4}")) {
                    bucket = minute.minus(Duration.ofMinutes(Long.parseLong(value)));
                } else {
                    dims.put(dimensionNames.get(i), value);
                }
            }
            JsonArray mv = row.getJsonArray("metricValues");
            for (int i = 0; i < metricNames.size() && mv != null && i < mv.size(); i++) {
                points.add(new SyncSink.MetricPoint(metricNames.get(i), dims, bucket,
                        PointerMapping.number(mv.getJsonObject(i).get("value"), "metric " + metricNames.get(i))));
            }
        }
        return points;
    }

    private static List<String> names(JsonObject answer, String field) throws ProviderException {
        JsonValue headers = answer.getOrDefault(field, JsonValue.EMPTY_JSON_ARRAY);
        if (!(headers instanceof JsonArray list)) {
            throw new ProviderException(ProviderException.Kind.MALFORMED, field + " is not an array");
        }
        return list.getValuesAs(JsonObject.class).stream().map(h -> h.getString("name", "")).toList();
    }

    /** {@code tokensPerHour: {consumed, remaining}} with 10 % or less remaining. */
    static boolean lowOnTokens(JsonObject quota) {
        if (quota.get("tokensPerHour") instanceof JsonObject hour
                && hour.get("remaining") instanceof JsonNumber remaining
                && hour.get("consumed") instanceof JsonNumber consumed) {
            long total = remaining.longValue() + consumed.longValue();
            return total > 0 && remaining.longValue() * 10 <= total;
        }
        return false;
    }
}
