package com.acme.analytics.ingest.sync.connectors;

import com.acme.analytics.ingest.sync.ProviderConnector;
import com.acme.analytics.ingest.sync.ProviderException;
import com.acme.analytics.ingest.sync.SyncRequest;
import com.acme.analytics.ingest.sync.SyncSink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Any JSON-over-HTTP source: {@code config.url} called with {@code config.method} (GET or POST with
 * {@code config.body}) and the headers of {@code credentials.headers}; the answer mapped by JSON Pointers
 * ({@link PointerMapping}). Each sync's metric values land in the sync's minute; events carry the id their
 * {@code id} pointer names, else a digest of the event, so a source that answers the same events again counts them
 * once.
 */
@ApplicationScoped
public class CustomConnector implements ProviderConnector {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Set<String> METHODS = Set.of("GET", "POST");

    @Override
    public String provider() {
        return "custom";
    }

    @Override
    public MinimumFrequency minimumFrequency(JsonObject config) {
        return new MinimumFrequency(Duration.ofSeconds(1), "a custom source has no documented quota; one sync a"
                + " second is the scheduler's resolution");
    }

    @Override
    public Map<String, String> validate(JsonObject config, JsonObject credentials) {
        Map<String, String> wrong = new HashMap<>();
        JsonFields.url(config, "url", null, "config.url", wrong);
        String method = config.getString("method", "GET");
        if (!METHODS.contains(method)) {
            wrong.put("config.method", "must be GET or POST");
        }
        PointerMapping.read(config, wrong);
        JsonValue headers = credentials.get("headers");
        if (headers != null && !(headers instanceof JsonObject h
                && h.values().stream().allMatch(v -> v instanceof JsonString))) {
            wrong.put("credentials.headers", "must be an object of header name to string value");
        }
        return wrong;
    }

    @Override
    public Map<String, URI> endpoints(JsonObject config) {
        return Map.of("config.url", URI.create(config.getString("url").strip()));
    }

    @Override
    public void sync(SyncRequest request, SyncSink sink) throws ProviderException {
        JsonObject config = request.config();
        PointerMapping mapping = PointerMapping.read(config, new HashMap<>());
        HttpRequest.Builder call = HttpRequest.newBuilder().header("Accept", "application/json");
        if ("POST".equals(config.getString("method", "GET"))) {
            JsonValue body = config.getOrDefault("body", JsonValue.EMPTY_JSON_OBJECT);
            call.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        JsonValue headers = request.credentials().get("headers");
        if (headers instanceof JsonObject h) {
            h.forEach((name, value) -> call.header(name, ((JsonString) value).getString()));
        }
        JsonStructure answer = read(request.http().send(call, endpoints(config).get("config.url")).body());
        var minute = request.now().truncatedTo(ChronoUnit.MINUTES);
        for (Map.Entry<String, Double> m : mapping.metrics(answer).entrySet()) {
            sink.metric(new SyncSink.MetricPoint(m.getKey(), Map.of(), minute, m.getValue()));
        }
        List<SyncSink.ProviderEvent> events = mapping.events(answer, request.now());
        if (!events.isEmpty()) {
            sink.events(events);
        }
    }

    private static JsonStructure read(InputStream body) throws ProviderException {
        try (InputStream in = body; var reader = JSON.createReader(in)) {
            return reader.read();
        } catch (JsonException | IOException e) {
            throw new ProviderException(ProviderException.Kind.MALFORMED, "the answer is not JSON: "
                    + e.getMessage(), null, e);
        }
    }
}
