package com.acme.analytics.web.events;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.ingest.access.Access;
import com.acme.analytics.ingest.access.CurrentCaller;
import com.acme.analytics.ingest.access.Permission;
import com.acme.analytics.ingest.events.EventParser;
import com.acme.analytics.ingest.events.FieldViolation;
import com.acme.analytics.ingest.events.InvalidInputException;
import com.acme.analytics.ingest.events.TrackEvents;
import com.acme.analytics.ingest.flush.BatchFlusher;
import com.acme.analytics.ingest.flush.PipelineStatus;
import com.acme.analytics.web.security.EventOwnership;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The campaign event pipeline: ingest ({@code event} or {@code events}) and its status. */
@Path("analytics/real-time")
@RequestScoped
public class RealtimeEventsResource {

    private static final EventParser PARSER = new EventParser();

    @Inject
    TrackEvents trackEvents;
    @Inject
    BatchFlusher flusher;
    @Inject
    CurrentCaller caller;
    @Inject
    @ConfigProperty(name = "analytics.ingest.max-body-bytes")
    long maxBodyBytes;

    /**
     * Accepts one event or a batch. Every event is validated first; if any is invalid, none is taken. Answers
     * 202: the events are buffered and written by the next flush.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Access(Permission.TRACK)
    public Response ingest(InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) long contentLength) {
        List<TrackedEvent> events = parse(JsonBody.read(body, contentLength, maxBodyBytes), Instant.now());
        EventOwnership.check(caller, events);
        trackEvents.accept(events);
        return Response.accepted(new Accepted(true, events.size(),
                events.stream().map(TrackedEvent::eventId).toList(), Instant.now())).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Access(Permission.READ)
    public PipelineStatus status() {
        return flusher.status();
    }

    private static List<TrackedEvent> parse(JsonValue json, Instant now) {
        if (json.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException("body", "must be a JSON object with 'event' or 'events'");
        }
        JsonObject o = json.asJsonObject();
        if (o.containsKey("event")) {
            return List.of(PARSER.parse(o.get("event"), "event", now));
        }
        JsonValue batch = o.get("events");
        if (batch == null || batch.getValueType() != JsonValue.ValueType.ARRAY || ((JsonArray) batch).isEmpty()) {
            throw new InvalidInputException("events", "'event' (an object) or 'events' (a non-empty array) is required");
        }
        List<TrackedEvent> events = new ArrayList<>();
        List<FieldViolation> violations = new ArrayList<>();
        JsonArray array = (JsonArray) batch;
        for (int i = 0; i < array.size(); i++) {
            try {
                events.add(PARSER.parse(array.get(i), "events[" + i + "]", now));
            } catch (InvalidInputException e) {
                violations.addAll(e.violations());
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return events;
    }

    /** The answer to an accepted ingest. */
    public record Accepted(boolean success, int accepted, List<String> eventIds, Instant timestamp) {
    }
}
