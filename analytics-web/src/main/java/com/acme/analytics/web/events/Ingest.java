package com.acme.analytics.web.events;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.access.CurrentCaller;
import com.acme.analytics.ingest.events.EventParser;
import com.acme.analytics.domain.events.InvalidInputException;
import com.acme.analytics.ingest.events.TrackEvents;
import com.acme.analytics.ingest.flush.Submission.Ack;
import com.acme.analytics.web.security.EventOwnership;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/**
 * The HTTP side of ingest shared by the ingest endpoints: read and validate the body, submit the valid events,
 * answer once they are committed (200) or, when the client sends {@code Prefer: respond-async} or the server is
 * configured so, once they are buffered (202).
 */
@ApplicationScoped
public class Ingest {

    @Inject
    EventParser parser;
    @Inject
    TrackEvents trackEvents;
    @Inject
    CurrentCaller caller;
    @Inject
    @ConfigProperty(name = "analytics.ingest.max-body-bytes")
    long maxBodyBytes;
    @Inject
    @ConfigProperty(name = "analytics.ingest.max-batch-events")
    int maxBatchEvents;

    /**
     * @param campaignId the campaign of the path, or null
     * @param prefer     the request's {@code Prefer} header, or null
     */
    public void handle(InputStream body, long contentLength, String campaignId, String prefer, AsyncResponse async) {
        IngestRequest request;
        try {
            request = IngestRequest.read(JsonBody.read(body, contentLength, maxBodyBytes), parser, campaignId,
                    maxBatchEvents, Instant.now());
        } catch (InvalidInputException e) {
            trackEvents.recordRejected(e.violations().size());
            throw e;
        }
        EventOwnership.check(caller, request.events(), request.paths());
        trackEvents.recordRejected(request.rejected().size());
        Ack ack = prefer != null && prefer.contains("respond-async") ? Ack.BUFFERED : trackEvents.defaultAck();
        List<String> ids = request.events().stream().map(TrackedEvent::eventId).toList();
        trackEvents.submit(request.events(), request.paths(), ack).whenComplete((outcome, error) -> {
            if (error != null) {
                async.resume(TrackEvents.failure(error));
            } else if (outcome == null) {
                async.resume(Response.accepted(new Answer(true, ids.size(), null, request.rejected(), ids, "buffered",
                        Instant.now())).build());
            } else {
                async.resume(Response.ok(new Answer(true, outcome.stored(), outcome.duplicates(),
                        request.rejectedWith(outcome.refused()), ids, "committed", Instant.now())).build());
            }
        });
    }

    /**
     * The answer to an ingest request.
     *
     * @param accepted   events stored now (committed) or taken into the buffer (buffered)
     * @param duplicates events not counted again because their id was seen before; null when buffered (not known yet)
     * @param rejected   the invalid events of a batch, and those the database refused, by index
     * @param eventIds   the ids of the valid events, as given or assigned, in body order
     * @param ack        {@code committed} or {@code buffered}: what the answer promises
     */
    public record Answer(boolean success, int accepted, Integer duplicates, List<IngestRequest.Rejection> rejected,
                         List<String> eventIds, String ack, Instant timestamp) {
    }
}
