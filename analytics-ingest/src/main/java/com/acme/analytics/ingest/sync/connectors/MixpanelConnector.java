package com.acme.analytics.ingest.sync.connectors;

import com.acme.analytics.ingest.sync.ProviderConnector;
import com.acme.analytics.ingest.sync.ProviderException;
import com.acme.analytics.ingest.sync.SyncRequest;
import com.acme.analytics.ingest.sync.SyncSink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Mixpanel: the Query API's segmentation ({@code GET {apiBaseUrl}/api/query/segmentation}) for the counts of each
 * event of {@code config.events}, and the raw Export API ({@code GET {exportBaseUrl}/api/2.0/export}, JSON lines)
 * for the events themselves, with service-account basic auth. Mixpanel allows 60 queries an hour per project: each
 * sync takes all its queries from a sliding-window {@link QueryBudget} per credential up front, or makes none and
 * says when they fit.
 */
@ApplicationScoped
public class MixpanelConnector implements ProviderConnector {

    static final String API = "https://mixpanel.com";
    static final String EXPORT = "https://data.mixpanel.com";
    static final int QUERIES_PER_HOUR = 60;
    private static final Set<String> UNITS = Set.of("minute", "hour", "day");

    private final QueryBudget budget = new QueryBudget(QUERIES_PER_HOUR, Duration.ofHours(1));

    @Override
    public String provider() {
        return "mixpanel";
    }

    /** Queries one sync makes: one segmentation per event, one export unless switched off. */
    static int queriesPerSync(JsonObject config) {
        JsonValue events = config.get("events");
        int segmentations = events instanceof JsonArray a ? a.size() : 0;
        return segmentations + (config.getBoolean("export", true) ? 1 : 0);
    }

    @Override
    public MinimumFrequency minimumFrequency(JsonObject config) {
        int queries = Math.max(1, queriesPerSync(config));
        Duration floor = Duration.ofSeconds(3600L * queries / QUERIES_PER_HOUR);
        return new MinimumFrequency(floor, "Mixpanel allows " + QUERIES_PER_HOUR + " queries an hour per project"
                + " and this config makes " + queries + " per sync (one segmentation per event of config.events,"
                + " one export), so at most one sync every " + floor.toSeconds() + " s fits");
    }

    @Override
    public Map<String, String> validate(JsonObject config, JsonObject credentials) {
        Map<String, String> wrong = new HashMap<>();
        if (JsonFields.positiveWhole(config.get("projectId")) == null) {
            wrong.put("config.projectId", config.containsKey("projectId")
                    ? "must be the project's number" : "is required: the Mixpanel project's number");
        }
        JsonValue events = config.get("events");
        if (events != null && !(events instanceof JsonArray a && a.stream().allMatch(e -> e instanceof JsonString))) {
            wrong.put("config.events", "must be an array of event names, each counted by segmentation");
        }
        if (!UNITS.contains(config.getString("unit", "hour"))) {
            wrong.put("config.unit", "must be minute, hour or day");
        }
        if (queriesPerSync(config) == 0) {
            wrong.put("config.events", "is required when config.export is false: there is nothing to sync");
        } else if (queriesPerSync(config) > QUERIES_PER_HOUR) {
            wrong.put("config.events", "at most " + (QUERIES_PER_HOUR - 1) + " events fit Mixpanel's hourly quota");
        }
        JsonFields.url(config, "apiBaseUrl", API, "config.apiBaseUrl", wrong);
        JsonFields.url(config, "exportBaseUrl", EXPORT, "config.exportBaseUrl", wrong);
        JsonFields.requiredText(credentials, "username", "credentials.username", wrong);
        JsonFields.requiredText(credentials, "secret", "credentials.secret", wrong);
        return wrong;
    }

    @Override
    public Map<String, URI> endpoints(JsonObject config) {
        Map<String, URI> urls = new LinkedHashMap<>();
        urls.put("config.apiBaseUrl", URI.create(config.getString("apiBaseUrl", API).strip()));
        urls.put("config.exportBaseUrl", URI.create(config.getString("exportBaseUrl", EXPORT).strip()));
        return urls;
    }

    @Override
    public void sync(SyncRequest request, SyncSink sink) throws ProviderException {
        JsonObject config = request.config();
        JsonObject credentials = request.credentials();
        long project = JsonFields.positiveWhole(config.get("projectId"));
        String key = project + "/" + credentials.getString("username");
        Optional<Duration> wait = budget.take(key, queriesPerSync(config), request.now());
        if (wait.isPresent()) {
            throw new ProviderException(ProviderException.Kind.RATE_LIMITED, "the budget of " + QUERIES_PER_HOUR
                    + " queries an hour for project " + project + " is spent", wait.get(), null);
        }
        String auth = "Basic " + Base64.getEncoder().encodeToString((credentials.getString("username") + ":"
                + credentials.getString("secret")).getBytes(StandardCharsets.UTF_8));
        try {
            segmentations(request, sink, project, auth);
            if (config.getBoolean("export", true)) {
                new MixpanelExport(request, sink, project, auth).run();
            }
        } catch (ProviderException e) {
            if (e.kind() == ProviderException.Kind.RATE_LIMITED && e.retryAfter() != null) {
                budget.exhaust(key, request.now(), e.retryAfter());
            }
            throw e;
        } finally {
            sink.quota(jakarta.json.Json.createObjectBuilder().add("limitPerHour", QUERIES_PER_HOUR)
                    .add("remaining", budget.remaining(key, Instant.now())).build());
        }
    }

    private void segmentations(SyncRequest request, SyncSink sink, long project, String auth)
            throws ProviderException {
        JsonValue events = request.config().get("events");
        if (!(events instanceof JsonArray names)) {
            return;
        }
        String base = JsonFields.base(endpoints(request.config()).get("config.apiBaseUrl"));
        String unit = request.config().getString("unit", "hour");
        LocalDate today = LocalDate.ofInstant(request.now(), ZoneOffset.UTC);
        for (JsonString name : names.getValuesAs(JsonString.class)) {
            URI uri = URI.create(base + "/api/query/segmentation?project_id=" + project + "&event="
                    + encode(name.getString()) + "&from_date=" + today.minusDays(1) + "&to_date=" + today
                    + "&unit=" + unit);
            JsonObject answer = MixpanelExport.readObject(request.http().send(
                    HttpRequest.newBuilder().header("Authorization", auth).header("Accept", "application/json"),
                    uri).body());
            for (SyncSink.MetricPoint p : segmentationPoints(name.getString(), answer)) {
                sink.metric(p);
            }
        }
    }

    /**
     * The points of a segmentation answer, {@code {"data":{"series":[...],"values":{"<event>":{"<date>":n}}}}};
     * dates are {@code yyyy-MM-dd} or {@code yyyy-MM-dd HH:mm:ss}, read in UTC (set the project's timezone to UTC
     * for exact buckets).
     */
    static List<SyncSink.MetricPoint> segmentationPoints(String event, JsonObject answer) throws ProviderException {
        JsonValue data = answer.get("data");
        if (!(data instanceof JsonObject d) || !(d.get("values") instanceof JsonObject values)) {
            throw new ProviderException(ProviderException.Kind.MALFORMED, "a segmentation answer without data.values");
        }
        List<SyncSink.MetricPoint> points = new ArrayList<>();
        for (Map.Entry<String, JsonValue> series : values.entrySet()) {
            if (!(series.getValue() instanceof JsonObject byDate)) {
                throw new ProviderException(ProviderException.Kind.MALFORMED, "segmentation values of "
                        + series.getKey() + " are not an object");
            }
            for (Map.Entry<String, JsonValue> point : byDate.entrySet()) {
                Map<String, String> dims = series.getKey().equals(event) ? Map.of() : Map.of("segment",
                        series.getKey());
                points.add(new SyncSink.MetricPoint(event, dims, bucket(point.getKey()),
                        PointerMapping.number(point.getValue(), "segmentation value")));
            }
        }
        return points;
    }

    private static Instant bucket(String date) throws ProviderException {
        try {
            if (date.length() == 10) {
                return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return java.time.LocalDateTime.parse(date.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ProviderException(ProviderException.Kind.MALFORMED, "a segmentation date that is not one: "
                    + date, null, e);
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
