package com.acme.analytics.ingest.sync.connectors;

import com.acme.analytics.ingest.sync.ProviderConnector;
import com.acme.analytics.ingest.sync.ProviderException;
import com.acme.analytics.ingest.sync.SyncRequest;
import com.acme.analytics.ingest.sync.SyncSink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Amplitude's Dashboard REST API: {@code GET {apiBaseUrl}/api/2/events/segmentation} with {@code e}, {@code m},
 * {@code start}, {@code end} and {@code i=-300000} (real time, 5-minute buckets) for each event type of
 * {@code config.events}, and {@code GET {apiBaseUrl}/api/2/realtime} for the active users of the current minute;
 * basic auth {@code apiKey:secretKey}.
 */
@ApplicationScoped
public class AmplitudeConnector implements ProviderConnector {

    static final String API = "https://amplitude.com";
    static final String REALTIME_INTERVAL = "-300000";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    @Override
    public String provider() {
        return "amplitude";
    }

    @Override
    public MinimumFrequency minimumFrequency(JsonObject config) {
        if (config.get("events") instanceof JsonArray a && !a.isEmpty()) {
            return new MinimumFrequency(Duration.ofMinutes(5), "Amplitude's real-time segmentation (i=-300000) has"
                    + " 5-minute buckets, and its Dashboard API budgets query cost per project and hour: a sync more"
                    + " often re-reads the same bucket at full cost");
        }
        return new MinimumFrequency(Duration.ofMinutes(1), "Amplitude's real-time active users have minute"
                + " granularity: a sync more often reads the same minute");
    }

    @Override
    public Map<String, String> validate(JsonObject config, JsonObject credentials) {
        Map<String, String> wrong = new HashMap<>();
        JsonValue events = config.get("events");
        if (events != null && !(events instanceof JsonArray a && a.stream().allMatch(e -> e instanceof JsonString))) {
            wrong.put("config.events", "must be an array of event types, each counted by segmentation");
        }
        if (!config.getBoolean("activeUsers", true) && !(events instanceof JsonArray a && !a.isEmpty())) {
            wrong.put("config.events", "is required when config.activeUsers is false: there is nothing to sync");
        }
        JsonFields.url(config, "apiBaseUrl", API, "config.apiBaseUrl", wrong);
        JsonFields.requiredText(credentials, "apiKey", "credentials.apiKey", wrong);
        JsonFields.requiredText(credentials, "secretKey", "credentials.secretKey", wrong);
        return wrong;
    }

    @Override
    public Map<String, URI> endpoints(JsonObject config) {
        return Map.of("config.apiBaseUrl", URI.create(config.getString("apiBaseUrl", API).strip()));
    }

    @Override
    public void sync(SyncRequest request, SyncSink sink) throws ProviderException {
        JsonObject config = request.config();
        String base = JsonFields.base(endpoints(config).get("config.apiBaseUrl"));
        String auth = "Basic " + Base64.getEncoder().encodeToString((request.credentials().getString("apiKey") + ":"
                + request.credentials().getString("secretKey")).getBytes(StandardCharsets.UTF_8));
        LocalDate today = LocalDate.ofInstant(request.now(), ZoneOffset.UTC);
        if (config.get("events") instanceof JsonArray events) {
            for (JsonString type : events.getValuesAs(JsonString.class)) {
                String e = "{\"event_type\":\"" + type.getString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
                URI uri = URI.create(base + "/api/2/events/segmentation?e=" + MixpanelConnector.encode(e)
                        + "&m=totals&start=" + today.minusDays(1).format(DAY) + "&end=" + today.format(DAY)
                        + "&i=" + REALTIME_INTERVAL);
                for (SyncSink.MetricPoint p : segmentationPoints(type.getString(), get(request, uri, auth))) {
                    sink.metric(p);
                }
            }
        }
        if (config.getBoolean("activeUsers", true)) {
            JsonObject answer = get(request, URI.create(base + "/api/2/realtime"), auth);
            sink.metric(new SyncSink.MetricPoint("active_users", Map.of(),
                    request.now().truncatedTo(ChronoUnit.MINUTES), activeUsers(answer)));
        }
    }

    private static JsonObject get(SyncRequest request, URI uri, String auth) throws ProviderException {
        return MixpanelExport.readObject(request.http().send(HttpRequest.newBuilder().header("Authorization", auth)
                .header("Accept", "application/json"), uri).body());
    }

    /**
     * {@code {"data":{"series":[[n, ...]],"seriesLabels":[...],"xValues":["2026-12-02T10:05:00", ...]}}}: one
     * point per x value of the first series, times read in UTC (set the project's timezone to UTC for exact
     * buckets).
     */
    static List<SyncSink.MetricPoint> segmentationPoints(String event, JsonObject answer) throws ProviderException {
        JsonObject data = data(answer);
        if (!(data.get("series") instanceof JsonArray series) || series.isEmpty()
                || !(series.get(0) instanceof JsonArray values) || !(data.get("xValues") instanceof JsonArray xs)
                || xs.size() != values.size()) {
            throw new ProviderException(ProviderException.Kind.MALFORMED, "a segmentation answer without matching"
                    + " data.series and data.xValues");
        }
        List<SyncSink.MetricPoint> points = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            points.add(new SyncSink.MetricPoint(event, Map.of(), time(xs.get(i)),
                    PointerMapping.number(values.get(i), "segmentation value")));
        }
        return points;
    }

    /** The newest value of the first ("Today") series of {@code /api/2/realtime}. */
    static double activeUsers(JsonObject answer) throws ProviderException {
        JsonObject data = data(answer);
        if (data.get("series") instanceof JsonArray series && !series.isEmpty()
                && series.get(0) instanceof JsonArray today && !today.isEmpty()
                && today.get(today.size() - 1) instanceof JsonNumber n) {
            return n.doubleValue();
        }
        throw new ProviderException(ProviderException.Kind.MALFORMED, "a realtime answer without data.series");
    }

    private static JsonObject data(JsonObject answer) throws ProviderException {
        if (answer.get("data") instanceof JsonObject d) {
            return d;
        }
        throw new ProviderException(ProviderException.Kind.MALFORMED, "an answer without data");
    }

    private static Instant time(JsonValue x) throws ProviderException {
        String text = x instanceof JsonString s ? s.getString() : String.valueOf(x);
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return text.endsWith("Z") ? Instant.parse(text) : LocalDateTime.parse(text.replace(' ', 'T'))
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new ProviderException(ProviderException.Kind.MALFORMED, "a segmentation time that is not one: "
                    + text, null, e);
        }
    }
}
