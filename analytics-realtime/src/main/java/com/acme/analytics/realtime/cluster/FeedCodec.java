package com.acme.analytics.realtime.cluster;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.domain.metrics.Money;
import com.acme.analytics.realtime.live.SequencedEvent;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

/**
 * The wire format of the feed's notifications; pure (no connection, no state), so both ends and their tests share
 * it. A notification is {@code {"n": origin, "f": first sequence, "l": last sequence, "e": [event, ...]}}, its keys
 * in that order so that the {@link Header} is read without the events; each event is
 * {@code {"s": sequence, "i": id, "w": workspace, "t": type, "o": time, "v": value in millionths}}, with
 * {@code "c"} (campaign), {@code "si"} (session), {@code "u"} (user) when present and {@code "m"} (the metadata text)
 * unless it did not fit. Instances of different versions on one database must keep understanding each other:
 * change it only compatibly.
 */
final class FeedCodec {

    /** Fits under PostgreSQL's 8000-byte payload limit with room for the envelope. */
    static final int MAX_PAYLOAD_BYTES = 7900;
    /** What {@link PostgresEventFeed} generates: base 36 of a positive long, which needs no JSON escaping. */
    private static final Pattern ORIGIN = Pattern.compile("[0-9a-z]{1,13}");
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final JsonParserFactory PARSERS = JSON.createParserFactory(Map.of());

    private FeedCodec() {
    }

    /** Who stored a notification's events, and the sequences of its first and last event. */
    record Header(String origin, long first, long last) {

        Header {
            if (origin == null || origin.isEmpty() || first > last) {
                throw new IllegalArgumentException("header " + origin + " " + first + ".." + last);
            }
        }
    }

    /** One notification's text, and its header. */
    record Payload(Header header, String text) {
    }

    /** The events of one notification, in sequence order. */
    record Notification(Header header, List<SequencedEvent> events) {
    }

    /** Reads a stored event's metadata, for an event that travelled without it. */
    interface MetadataSource {
        String of(String workspaceId, String eventId) throws SQLException;
    }

    /**
     * The notifications of events stored by {@code origin}, each at most {@value #MAX_PAYLOAD_BYTES} bytes: a batch
     * is split across several, and an event too large on its own travels without its metadata.
     *
     * @param sequences the events' sequences, ascending, one per event
     */
    static List<Payload> encode(List<TrackedEvent> events, long[] sequences, String origin) {
        if (!ORIGIN.matcher(origin).matches()) {
            throw new IllegalArgumentException("origin '" + origin + "'");
        }
        if (events.isEmpty() || events.size() != sequences.length) {
            throw new IllegalArgumentException(events.size() + " events, " + sequences.length + " sequences");
        }
        int room = MAX_PAYLOAD_BYTES - envelope(new Header(origin, Long.MIN_VALUE, Long.MAX_VALUE), "").length();
        List<Payload> payloads = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        int chunkBytes = 0;
        int first = 0;
        for (int i = 0; i < events.size(); i++) {
            String one = event(events.get(i), sequences[i], true);
            int bytes = utf8Length(one);
            if (bytes > room) {
                one = event(events.get(i), sequences[i], false);
                bytes = utf8Length(one);
            }
            if (chunkBytes > 0 && chunkBytes + 1 + bytes > room) {
                payloads.add(payload(origin, sequences[first], sequences[i - 1], chunk));
                chunk.setLength(0);
                chunkBytes = 0;
                first = i;
            }
            if (chunkBytes > 0) {
                chunk.append(',');
                chunkBytes++;
            }
            chunk.append(one);
            chunkBytes += bytes;
        }
        payloads.add(payload(origin, sequences[first], sequences[events.size() - 1], chunk));
        return payloads;
    }

    private static Payload payload(String origin, long first, long last, CharSequence events) {
        Header header = new Header(origin, first, last);
        return new Payload(header, envelope(header, events));
    }

    /** The only place the envelope is written. */
    private static String envelope(Header h, CharSequence events) {
        return "{\"n\":\"" + h.origin() + "\",\"f\":" + h.first() + ",\"l\":" + h.last() + ",\"e\":[" + events + "]}";
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String event(TrackedEvent e, long sequence, boolean withMetadata) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject()
                    .write("s", sequence)
                    .write("i", e.eventId())
                    .write("w", e.workspaceId())
                    .write("t", e.eventType())
                    .write("o", e.occurredAt().toString())
                    .write("v", e.value().micros());
            writeNullable(g, "c", e.campaignId());
            writeNullable(g, "si", e.sessionId());
            writeNullable(g, "u", e.userId());
            if (withMetadata) {
                g.write("m", e.metadataJson());
            }
            g.writeEnd();
        }
        return out.toString();
    }

    private static void writeNullable(JsonGenerator g, String name, String value) {
        if (value != null) {
            g.write(name, value);
        }
    }

    /**
     * The header alone, read from the start of the text without the events: hearing its own notifications, an
     * instance takes their events from memory, and decoding them was its listener's main cost.
     */
    static Header header(String payload) throws MalformedNotificationException {
        try (JsonParser p = PARSERS.createParser(new StringReader(payload))) {
            expect(p, JsonParser.Event.START_OBJECT, payload);
            key(p, "n", payload);
            expect(p, JsonParser.Event.VALUE_STRING, payload);
            String origin = p.getString();
            long first = sequence(p, "f", payload);
            long last = sequence(p, "l", payload);
            return new Header(origin, first, last);
        } catch (JsonException | NoSuchElementException | IllegalStateException | IllegalArgumentException e) {
            throw new MalformedNotificationException(payload, e);
        }
    }

    private static long sequence(JsonParser p, String name, String payload) throws MalformedNotificationException {
        key(p, name, payload);
        expect(p, JsonParser.Event.VALUE_NUMBER, payload);
        if (!p.isIntegralNumber()) {
            throw new MalformedNotificationException(payload, "\"" + name + "\" is not an integer");
        }
        return p.getLong();
    }

    private static void key(JsonParser p, String name, String payload) throws MalformedNotificationException {
        expect(p, JsonParser.Event.KEY_NAME, payload);
        if (!p.getString().equals(name)) {
            throw new MalformedNotificationException(payload, "\"" + name + "\" expected, not \"" + p.getString() + "\"");
        }
    }

    private static void expect(JsonParser p, JsonParser.Event wanted, String payload)
            throws MalformedNotificationException {
        JsonParser.Event got = p.next();
        if (got != wanted) {
            throw new MalformedNotificationException(payload, wanted + " expected, not " + got);
        }
    }

    /**
     * The whole notification; an event that travelled without its metadata gets it from {@code metadata}. Refused
     * unless it is of this format throughout, its events' sequences ascending from the header's first to its last.
     */
    static Notification decode(String payload, MetadataSource metadata)
            throws MalformedNotificationException, SQLException {
        Header header = header(payload);
        List<SequencedEvent> events = new ArrayList<>();
        try (var reader = JSON.createReader(new StringReader(payload))) {
            for (JsonValue v : reader.readObject().getJsonArray("e")) {
                events.add(event(v.asJsonObject(), metadata));
            }
        } catch (JsonException | ClassCastException | NullPointerException | IllegalArgumentException
                 | ArithmeticException | DateTimeException e) {
            throw new MalformedNotificationException(payload, e);
        }
        long previous = header.first() - 1;
        for (SequencedEvent e : events) {
            if (e.sequence() <= previous || e.sequence() > header.last()) {
                throw new MalformedNotificationException(payload, "sequence " + e.sequence() + " out of order");
            }
            previous = e.sequence();
        }
        if (events.isEmpty() || events.get(0).sequence() != header.first() || previous != header.last()) {
            throw new MalformedNotificationException(payload, "events do not span " + header.first() + ".."
                    + header.last());
        }
        return new Notification(header, events);
    }

    private static SequencedEvent event(JsonObject o, MetadataSource metadata) throws SQLException {
        String workspaceId = o.getString("w");
        String eventId = o.getString("i");
        String metadataJson = o.containsKey("m") ? o.getString("m") : metadata.of(workspaceId, eventId);
        return new SequencedEvent(o.getJsonNumber("s").longValueExact(), new TrackedEvent(eventId, workspaceId,
                o.getString("t"), o.getString("c", null), Instant.parse(o.getString("o")),
                new Money(o.getJsonNumber("v").longValueExact()), o.getString("si", null), o.getString("u", null),
                metadataJson));
    }
}
