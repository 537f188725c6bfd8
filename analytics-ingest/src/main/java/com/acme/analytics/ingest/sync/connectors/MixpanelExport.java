package com.acme.analytics.ingest.sync.connectors;

import com.acme.analytics.ingest.sync.ProviderException;
import com.acme.analytics.ingest.sync.SyncRequest;
import com.acme.analytics.ingest.sync.SyncSink;
import com.acme.analytics.ingest.sync.SyncSink.ProviderEvent;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One pull of Mixpanel's raw Export API: JSON lines {@code {"event": ..., "properties": {"time": ...,
 * "$insert_id": ..., ...}}}, read line by line and handed to the sink in chunks (an export never sits whole in
 * memory). The cursor is the largest {@code properties.time} seen (epoch seconds); the next pull asks from that
 * day and keeps events from that second on, so the overlap is re-read and the store's dedupe on {@code $insert_id}
 * counts each event once.
 */
final class MixpanelExport {

    static final int CHUNK = 500;
    private static final JsonProvider JSON = JsonProvider.provider();

    private final SyncRequest request;
    private final SyncSink sink;
    private final long project;
    private final String auth;

    MixpanelExport(SyncRequest request, SyncSink sink, long project, String auth) {
        this.request = request;
        this.sink = sink;
        this.project = project;
        this.auth = auth;
    }

    void run() throws ProviderException {
        long cursor = request.cursor() == null ? -1 : Long.parseLong(request.cursor());
        int lookbackDays = request.config().getInt("lookbackDays", 1);
        LocalDate to = LocalDate.ofInstant(request.now(), ZoneOffset.UTC);
        LocalDate from = cursor < 0 ? to.minusDays(lookbackDays)
                : LocalDate.ofInstant(Instant.ofEpochSecond(cursor), ZoneOffset.UTC);
        String base = JsonFields.base(URI.create(request.config().getString("exportBaseUrl", MixpanelConnector.EXPORT)
                .strip()));
        URI uri = URI.create(base + "/api/2.0/export?project_id=" + project + "&from_date=" + from + "&to_date=" + to);
        InputStream body = request.http().send(HttpRequest.newBuilder().header("Authorization", auth)
                .header("Accept", "text/plain"), uri).body();
        long newest = cursor;
        List<ProviderEvent> chunk = new ArrayList<>(CHUNK);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                ProviderEvent event = event(line, number);
                long second = event.timestamp().getEpochSecond();
                if (second < cursor) {
                    continue;
                }
                newest = Math.max(newest, second);
                chunk.add(event);
                if (chunk.size() == CHUNK) {
                    sink.events(chunk);
                    chunk = new ArrayList<>(CHUNK);
                }
            }
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Kind.TRANSIENT, "the export broke off: " + e.getMessage(),
                    null, e);
        }
        if (!chunk.isEmpty()) {
            sink.events(chunk);
        }
        if (newest >= 0) {
            sink.cursor(Long.toString(newest));
        }
    }

    /** One export line as an event whose id is its {@code $insert_id} (a digest of the line when it has none). */
    static ProviderEvent event(String line, int number) throws ProviderException {
        JsonObject o = readObject(line, "export line " + number);
        if (!(o.get("event") instanceof JsonString name) || !(o.get("properties") instanceof JsonObject props)
                || !(props.get("time") instanceof JsonNumber time)) {
            throw new ProviderException(ProviderException.Kind.MALFORMED, "export line " + number
                    + " lacks event, properties or properties.time");
        }
        String id = props.get("$insert_id") instanceof JsonString s ? s.getString() : PointerMapping.digest(line);
        return new ProviderEvent(id, name.getString(), PointerMapping.epoch(time.longValue()), props);
    }

    static JsonObject readObject(InputStream in) throws ProviderException {
        try (InputStream body = in; var reader = JSON.createReader(body)) {
            return reader.readObject();
        } catch (JsonException | IOException | ClassCastException e) {
            throw new ProviderException(ProviderException.Kind.MALFORMED, "the answer is not a JSON object: "
                    + e.getMessage(), null, e);
        }
    }

    private static JsonObject readObject(String text, String what) throws ProviderException {
        try (var reader = JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonException | ClassCastException e) {
            throw new ProviderException(ProviderException.Kind.MALFORMED, what + " is not a JSON object", null, e);
        }
    }
}
