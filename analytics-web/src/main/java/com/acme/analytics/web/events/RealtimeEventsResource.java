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

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Access(Permission.READ)
    public TrackEvents.PipelineStatus status() {
        return trackEvents.status();
    }
}
