package com.acme.analytics.web.segment;

import com.acme.analytics.access.Access;
import com.acme.analytics.access.Permission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;

import java.io.InputStream;

/**
 * Segment's tracking API, reached at {@code /v1/*} through the {@link SegmentGateway}: one message per call, or
 * {@code batch} / {@code import} with a {@code batch} array. Answered once the events are committed.
 */
@Path("v1")
@RequestScoped
@Access(Permission.TRACK)
public class SegmentResource {

    @Inject
    SegmentIngest ingest;

    @POST
    @Path("{type: track|identify|page|screen|group|alias}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public void message(@PathParam("type") String type, InputStream body, @Suspended AsyncResponse async) {
        ingest.handle(body, type, async);
    }

    @POST
    @Path("{kind: batch|import}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public void batch(InputStream body, @Suspended AsyncResponse async) {
        ingest.handle(body, null, async);
    }
}
