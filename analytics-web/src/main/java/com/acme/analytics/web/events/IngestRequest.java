package com.acme.analytics.web.events;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.ingest.events.EventParser;
import com.acme.analytics.domain.events.FieldViolation;
import com.acme.analytics.domain.events.InvalidInputException;
import com.acme.analytics.ingest.events.TrackEvents;
import com.acme.analytics.ingest.flush.Submission;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An ingest body of the campaign pipeline contract: {@code {"event": {...}}} or {@code {"events": [...]}}. A single
 * event is all or nothing; in a batch each event stands alone, so one bad event does not cost the good ones.
 *
 * @param events   the valid events, in body order
 * @param paths    where each valid event stands in the body ({@code event} or {@code events[i]}), for messages
 * @param rejected the invalid events of a batch, by index
 */
record IngestRequest(List<TrackedEvent> events, List<String> paths, List<Rejection> rejected) {

    /** An event of a batch that was refused, and why. */
    record Rejection(int index, String message, List<FieldViolation> errors) {
    }

    /**
     * @param campaignId the campaign of the path for campaign-scoped ingest, else null: events that name none get
     *                   it, events that name another are refused
     * @throws InvalidInputException when the body is neither shape, the single event is invalid, or every event of
     *                               the batch is
     */
    static IngestRequest read(JsonValue body, EventParser parser, String campaignId, int maxEvents, Instant now) {
        if (body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException("body", "must be a JSON object with 'event' or 'events'");
        }
        JsonObject o = body.asJsonObject();
        if (o.containsKey("event")) {
            return new IngestRequest(List.of(parser.parse(scoped(o.get("event"), campaignId, "event"), "event", now)),
                    List.of("event"), List.of());
        }
        JsonValue batch = o.get("events");
        if (batch == null || batch.getValueType() != JsonValue.ValueType.ARRAY || ((JsonArray) batch).isEmpty()) {
            throw new InvalidInputException("events", "'event' (an object) or 'events' (a non-empty array) is required");
        }
        JsonArray array = (JsonArray) batch;
        if (array.size() > maxEvents) {
            throw new InvalidInputException("events", "at most " + maxEvents + " events per request; got "
                    + array.size());
        }
        List<TrackedEvent> events = new ArrayList<>(array.size());
        List<String> paths = new ArrayList<>(array.size());
        List<Rejection> rejected = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "events[" + i + "]";
            try {
                events.add(parser.parse(scoped(array.get(i), campaignId, path), path, now));
                paths.add(path);
            } catch (InvalidInputException e) {
                rejected.add(new Rejection(i, e.getMessage(), e.violations()));
            }
        }
        if (events.isEmpty()) {
            throw new InvalidInputException(rejected.stream().flatMap(r -> r.errors().stream())
                    .collect(Collectors.toList()));
        }
        return new IngestRequest(events, paths, rejected);
    }

    /**
     * The rejections with the events the database refused added, in body order: a batch's good events are stored
     * whatever the others hold.
     */
    List<Rejection> rejectedWith(List<Submission.Refusal> refused) {
        if (refused.isEmpty()) {
            return rejected;
        }
        List<Rejection> all = new ArrayList<>(rejected);
        for (Submission.Refusal r : refused) {
            String path = paths.get(r.index());
            String message = TrackEvents.refusal(r);
            all.add(new Rejection(index(path), path + ": " + message, List.of(new FieldViolation(path, message))));
        }
        all.sort(Comparator.comparingInt(Rejection::index));
        return all;
    }

    /** The index of {@code events[i]}; 0 for the single {@code event}. */
    private static int index(String path) {
        int open = path.indexOf('[');
        return open < 0 ? 0 : Integer.parseInt(path.substring(open + 1, path.length() - 1));
    }

    private static JsonValue scoped(JsonValue event, String campaignId, String path) {
        if (campaignId == null || event.getValueType() != JsonValue.ValueType.OBJECT) {
            return event;
        }
        JsonObject o = event.asJsonObject();
        JsonValue given = o.get("campaignId");
        if (given == null || given.getValueType() == JsonValue.ValueType.NULL) {
            return Json.createObjectBuilder(o).add("campaignId", campaignId).build();
        }
        if (given.getValueType() == JsonValue.ValueType.STRING && !campaignId.equals(o.getString("campaignId"))) {
            throw new InvalidInputException(path + ".campaignId", "must be the campaign of the path, " + campaignId);
        }
        return event;
    }
}
