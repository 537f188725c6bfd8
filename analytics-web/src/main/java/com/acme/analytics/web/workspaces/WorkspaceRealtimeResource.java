package com.acme.analytics.web.workspaces;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.domain.metrics.Money;
import com.acme.analytics.domain.workspaces.WorkspaceStats;
import com.acme.analytics.access.Access;
import com.acme.analytics.access.CurrentCaller;
import com.acme.analytics.access.OpenConnections;
import com.acme.analytics.access.Permission;
import com.acme.analytics.domain.events.FieldViolation;
import com.acme.analytics.domain.events.InvalidInputException;
import com.acme.analytics.ingest.events.StorableText;
import com.acme.analytics.ingest.events.TrackEvents;
import com.acme.analytics.ingest.flush.Submission;
import com.acme.analytics.metrics.WorkspaceStatsQuery;
import com.acme.analytics.realtime.sse.SinkConnection;
import com.acme.analytics.realtime.sse.WorkspaceStreams;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.io.StringReader;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Workspace live stats: an SSE stream or a JSON snapshot, chosen by the {@code Accept} header; custom events
 * tracked and broadcast; every stream of a workspace closed at once.
 */
@Path("workspaces/{workspaceId}/analytics/realtime")
@RequestScoped
@Access(value = Permission.READ, workspacePath = "workspaceId")
public class WorkspaceRealtimeResource {

    /** Dotted lower-level names such as {@code message.sent}; no spaces, no markup. */
    static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*");
    static final int MAX_EVENT_TYPE = 100;
    static final int MAX_SESSION_ID = 128;
    static final int MAX_BODY_CHARS = 64 * 1024;
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    WorkspaceStreams streams;
    @Inject
    WorkspaceStatsQuery statsQuery;
    @Inject
    TrackEvents trackEvents;
    @Inject
    CurrentCaller caller;
    @Inject
    OpenConnections connections;

    /**
     * @param lastEventId sent by a reconnecting client: the events after it still held come first
     * @param lastEventIdParam the same as a query parameter, for a page that reopens its stream itself (a new
     *                         {@code EventSource} cannot set the header); the header wins when both are given
     */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@PathParam("workspaceId") String workspaceId,
                       @HeaderParam("Last-Event-ID") String lastEventId,
                       @QueryParam("lastEventId") String lastEventIdParam,
                       @Context SseEventSink sink, @Context Sse sse) {
        connections.open(caller.get(), new SinkConnection(sink));
        streams.open(workspaceId, sink, sse, sequence(lastEventId != null ? lastEventId : lastEventIdParam));
    }

    private static Long sequence(String lastEventId) {
        if (lastEventId == null || !lastEventId.matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(lastEventId);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Snapshot snapshot(@PathParam("workspaceId") String workspaceId) throws SQLException {
        WorkspaceStats stats = statsQuery.stats(workspaceId);
        return new Snapshot(stats, new Meta(workspaceId, caller.get().credentialId(), "snapshot",
                streams.connections(workspaceId), Instant.now()));
    }

    /**
     * Tracks a custom event ({@code eventType}, {@code eventData}, {@code sessionId}); it is stored like any
     * event and each stream of the workspace receives it as an {@code event}. Answered once it is committed.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Access(value = Permission.TRACK, workspacePath = "workspaceId")
    public void track(@PathParam("workspaceId") String workspaceId, String text, @Suspended AsyncResponse async) {
        JsonObject body = object(text);
        List<FieldViolation> violations = new ArrayList<>();
        String eventType = text(body, "eventType", MAX_EVENT_TYPE, true, violations);
        if (eventType != null && !EVENT_TYPE.matcher(eventType).matches()) {
            violations.add(new FieldViolation("eventType",
                    "must be a dotted name of letters, digits, '_' and '-', such as message.sent"));
        }
        String sessionId = text(body, "sessionId", MAX_SESSION_ID, false, violations);
        JsonValue data = body.get("eventData");
        if (data != null && data.getValueType() != JsonValue.ValueType.OBJECT
                && data.getValueType() != JsonValue.ValueType.NULL) {
            violations.add(new FieldViolation("eventData", "must be an object"));
        }
        for (String field : List.of("eventType", "sessionId", "eventData")) {
            if (body.containsKey(field)) {
                StorableText.check(body.get(field), field, violations);
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        JsonObject properties = data instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        String userId = properties.get("userId") instanceof JsonString s ? s.getString() : null;
        Instant now = Instant.now();
        trackEvents.submit(List.of(new TrackedEvent(UUID.randomUUID().toString(), workspaceId, eventType, null, now,
                        new Money(0), sessionId, userId, properties.toString())), Submission.Ack.COMMITTED)
                .whenComplete((outcome, error) -> async.resume(error != null
                        ? TrackEvents.failure(error)
                        : new Tracked(true, "Event tracked successfully", eventType,
                        streams.connections(workspaceId), now)));
    }

    private static JsonObject object(String text) {
        if (text == null || text.length() > MAX_BODY_CHARS) {
            throw new InvalidInputException("body", "a JSON object of at most " + MAX_BODY_CHARS
                    + " characters is required");
        }
        try (var reader = JSON.createReader(new StringReader(text))) {
            JsonValue v = reader.readValue();
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidInputException("body", "must be a JSON object with eventType");
            }
            return v.asJsonObject();
        } catch (JsonException e) {
            throw new InvalidInputException("body", "not valid JSON: " + e.getMessage());
        }
    }

    private static String text(JsonObject body, String name, int maxLength, boolean required,
                               List<FieldViolation> violations) {
        JsonValue v = body.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                violations.add(new FieldViolation(name, "is required"));
            }
            return null;
        }
        if (!(v instanceof JsonString s) || s.getString().isBlank()) {
            violations.add(new FieldViolation(name, "must be a non-blank string"));
            return null;
        }
        if (s.getString().length() > maxLength) {
            violations.add(new FieldViolation(name, "must be at most " + maxLength + " characters"));
            return null;
        }
        return s.getString();
    }

    /** Closes every stream of the workspace. */
    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    @Access(value = Permission.ADMINISTER, workspacePath = "workspaceId")
    public Closed closeAll(@PathParam("workspaceId") String workspaceId) {
        return new Closed(true, "Connections closed", streams.closeAll(workspaceId), Instant.now());
    }

    /** The snapshot body: {@code data} is the stats, {@code meta} describes the answer. */
    public record Snapshot(WorkspaceStats data, Meta meta) {
    }

    /** @param userId the id of the caller's credential (token or key id, never its secret) */
    public record Meta(String workspaceId, String userId, String mode, long connections, Instant timestamp) {
    }

    /** @param notified the streams of the workspace that receive the event */
    public record Tracked(boolean success, String message, String eventType, long notified, Instant timestamp) {
    }

    public record Closed(boolean success, String message, int closedCount, Instant timestamp) {
    }
}
