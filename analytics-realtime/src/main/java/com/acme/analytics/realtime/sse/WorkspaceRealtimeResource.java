package com.acme.analytics.realtime.sse;

import com.acme.analytics.domain.workspaces.WorkspaceStats;
import com.acme.analytics.ingest.access.Access;
import com.acme.analytics.ingest.access.CurrentCaller;
import com.acme.analytics.ingest.access.OpenConnections;
import com.acme.analytics.ingest.access.Permission;
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
@Access(value = Permission.READ, workspacePath = "workspaceId")
public class WorkspaceRealtimeResource {

    @Inject
    WorkspaceStreams streams;
    @Inject
    WorkspaceStatsQuery statsQuery;
    @Inject
    CurrentCaller caller;
    @Inject
    OpenConnections connections;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@PathParam("workspaceId") String workspaceId, @Context SseEventSink sink, @Context Sse sse) {
        connections.open(caller.get(), new SinkConnection(sink));
        streams.open(workspaceId, sink, sse);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Snapshot snapshot(@PathParam("workspaceId") String workspaceId) throws SQLException {
        WorkspaceStats stats = statsQuery.stats(workspaceId);
        return new Snapshot(stats, new Meta(workspaceId, caller.get().credentialId(), "snapshot", streams.connections(workspaceId),
                Instant.now()));
    }

    /** The snapshot body: {@code data} is the stats, {@code meta} describes the answer. */
    public record Snapshot(WorkspaceStats data, Meta meta) {
    }

    /** @param userId the id of the caller's credential (token or key id, never its secret) */
    public record Meta(String workspaceId, String userId, String mode, long connections, Instant timestamp) {
    }
}
