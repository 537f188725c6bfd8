package com.acme.analytics.web.events;

import com.acme.analytics.access.Access;
import com.acme.analytics.access.Permission;
import com.acme.analytics.ingest.events.TrackEvents;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.io.InputStream;
import java.time.Instant;

/** The campaign event pipeline: ingest ({@code event} or {@code events}) and its status. */
@Path("analytics/real-time")
@RequestScoped
public class RealtimeEventsResource {

    @Inject
    Ingest ingest;
    @Inject
    TrackEvents trackEvents;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Access(Permission.TRACK)
    public void ingest(InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) long contentLength,
                       @HeaderParam("Prefer") String prefer, @Suspended AsyncResponse async) {
        ingest.handle(body, contentLength, null, prefer, async);
    }

    /**
     * The documented status, as a workspace sees it: whether the shared pipeline is flushing and when it last did.
     * Its counters and buffer size count every workspace's events, so they are the operator's ({@link #pipeline}).
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Access(Permission.READ)
    public WorkspacePipelineStatus status() {
        TrackEvents.PipelineStatus s = trackEvents.status();
        return new WorkspacePipelineStatus(s.isProcessing(), s.lastFlush(), s.timestamp());
    }

    /** The instance's pipeline, every workspace's events together: for operators only. */
    @GET
    @Path("pipeline")
    @Produces(MediaType.APPLICATION_JSON)
    @Access(Permission.OPERATE)
    public TrackEvents.PipelineStatus pipeline() {
        return trackEvents.status();
    }

    /** What a workspace's caller is told of the pipeline it shares with the other workspaces. */
    public record WorkspacePipelineStatus(boolean isProcessing, Instant lastFlush, Instant timestamp) {
    }
}
