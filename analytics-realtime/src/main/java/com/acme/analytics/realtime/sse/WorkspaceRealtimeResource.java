package com.acme.analytics.realtime.sse;

import com.acme.analytics.domain.workspaces.WorkspaceStats;
import com.acme.analytics.ingest.metrics.WorkspaceStatsQuery;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.sql.SQLException;
import java.time.Instant;

/** Workspace live stats: an SSE stream, or a JSON snapshot, chosen by the {@code Accept} header. */
@Path("workspaces/{workspaceId}/analytics/realtime")
@RequestScoped
public class WorkspaceRealtimeResource {

    @Inject
    WorkspaceStreams streams;
    @Inject
    WorkspaceStatsQuery statsQuery;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@PathParam("workspaceId") String workspaceId, @Context SseEventSink sink, @Context Sse sse) {
        streams.open(workspaceId, sink, sse);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Snapshot snapshot(@PathParam("workspaceId") String workspaceId) throws SQLException {
        WorkspaceStats stats = statsQuery.stats(workspaceId);
        return new Snapshot(stats, new Meta(workspaceId, null, "snapshot", streams.connections(workspaceId),
                Instant.now()));
    }

    /** The snapshot body: {@code data} is the stats, {@code meta} describes the answer. */
    public record Snapshot(WorkspaceStats data, Meta meta) {
    }

    /** @param userId the caller, null until requests are authenticated */
    public record Meta(String workspaceId, String userId, String mode, long connections, Instant timestamp) {
    }
}
