package com.acme.analytics.web.segment;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.access.CurrentCaller;
import com.acme.analytics.domain.events.FieldViolation;
import com.acme.analytics.domain.events.InvalidInputException;
import com.acme.analytics.ingest.events.TrackEvents;
import com.acme.analytics.ingest.flush.Submission;
import com.acme.analytics.ingest.flush.Submission.Ack;
import com.acme.analytics.ingest.segment.SegmentMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Segment request (one message, or a batch whose bad messages are rejected one by one) into the caller's
 * workspace and answers Segment's {@code {"success": true}} once the events are committed.
 */
@RequestScoped
public class SegmentIngest {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    SegmentMessages messages;
    @Inject
    TrackEvents trackEvents;
    @Inject
    CurrentCaller caller;

    /** @param type the type the endpoint implies, or null for a batch */
    void handle(InputStream body, String type, AsyncResponse async) {
        JsonObject request = object(body);
        Instant receivedAt = Instant.now();
        List<FieldViolation> sentAtViolations = new ArrayList<>();
        Instant sentAt = SegmentMessages.instant(request, "sentAt", "body", sentAtViolations);
        if (!sentAtViolations.isEmpty()) {
            throw new InvalidInputException(sentAtViolations);
        }
        String workspace = caller.workspaceId();
        List<TrackedEvent> events = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        if (type != null) {
            events.add(messages.read(request, "body", type, sentAt, workspace, receivedAt));
            paths.add("body");
        } else {
            JsonValue batch = request.get("batch");
            if (batch == null || batch.getValueType() != JsonValue.ValueType.ARRAY || ((JsonArray) batch).isEmpty()) {
                throw new InvalidInputException("batch", "is required: a non-empty array of messages");
            }
            JsonArray array = (JsonArray) batch;
            for (int i = 0; i < array.size(); i++) {
                try {
                    events.add(messages.read(array.get(i), "batch[" + i + "]", null, sentAt, workspace, receivedAt));
                    paths.add("batch[" + i + "]");
                } catch (InvalidInputException e) {
                    rejected.add(new Rejection(i, e.getMessage()));
                }
            }
            if (events.isEmpty()) {
                throw new InvalidInputException("batch", "no valid message: " + rejected.get(0).message());
            }
        }
        trackEvents.recordRejected(rejected.size());
        trackEvents.submit(events, paths, Ack.COMMITTED).whenComplete((outcome, error) -> {
            if (error != null) {
                async.resume(TrackEvents.failure(error));
                return;
            }
            for (Submission.Refusal r : outcome.refused()) {
                String path = paths.get(r.index());
                rejected.add(new Rejection(Integer.parseInt(path.substring("batch[".length(), path.length() - 1)),
                        path + ": " + TrackEvents.refusal(r)));
            }
            async.resume(Response.ok(new Answer(true, outcome.stored(), outcome.duplicates(), rejected)).build());
        });
    }

    private static JsonObject object(InputStream body) {
        try (var reader = JSON.createReader(body)) {
            JsonValue v = reader.readValue();
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidInputException("body", "must be a JSON object");
            }
            return v.asJsonObject();
        } catch (JsonException e) {
            throw new InvalidInputException("body", "malformed JSON: " + e.getMessage());
        }
    }

    /** A message of a batch that was refused, and why. */
    public record Rejection(int index, String message) {
    }

    /** Segment's answer, with what this server did with the messages. */
    public record Answer(boolean success, int accepted, int duplicates, List<Rejection> rejected) {
    }
}
