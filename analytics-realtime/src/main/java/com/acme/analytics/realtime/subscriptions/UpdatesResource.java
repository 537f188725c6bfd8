package com.acme.analytics.realtime.subscriptions;

import com.acme.analytics.access.Access;
import com.acme.analytics.access.CurrentCaller;
import com.acme.analytics.access.OpenConnections;
import com.acme.analytics.access.Permission;
import com.acme.analytics.domain.events.InvalidInputException;
import com.acme.analytics.realtime.sse.SinkConnection;
import com.acme.analytics.realtime.subscriptions.CampaignSubscriptions.Subscription;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

/**
 * The updates of a campaign subscription: {@code format=sse} streams them, with a heartbeat comment every
 * interval; otherwise ({@code format=json}, the default) a poll answers and empties what waited. The format alone
 * chooses, whatever the {@code Accept} header ({@link UpdatesFormat}).
 */
@Path("analytics/real-time/updates")
@RequestScoped
@Access(Permission.READ)
public class UpdatesResource {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    CampaignSubscriptions subscriptions;
    @Inject
    CurrentCaller caller;
    @Inject
    OpenConnections connections;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@QueryParam("subscriptionId") String subscriptionId, @QueryParam("format") String format,
                       @Context SseEventSink sink, @Context Sse sse) {
        Subscription s = subscription(subscriptionId);
        connections.open(caller.get(), new SinkConnection(sink));
        subscriptions.stream(s, sink, sse);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Poll poll(@QueryParam("subscriptionId") String subscriptionId, @QueryParam("format") String format) {
        if (format != null && !format.equals("json")) {
            throw new InvalidInputException("format", "must be sse or json");
        }
        Subscription s = subscription(subscriptionId);
        List<JsonValue> updates = subscriptions.poll(s).stream().map(UpdatesResource::parse).toList();
        return new Poll(s.id(), updates, Instant.now());
    }

    private Subscription subscription(String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidInputException("subscriptionId", "is required");
        }
        // Another workspace's subscription is answered as unknown: its existence is not told either.
        String workspace = caller.workspaceId();
        return subscriptions.find(id).filter(s -> s.organizationId().equals(workspace))
                .orElseThrow(() -> new NotFoundException("no subscription " + id));
    }

    private static JsonValue parse(String text) {
        try (var reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    /** @param updates the {@code {"type":"update","data":{...}}} messages that waited, oldest first */
    public record Poll(String subscriptionId, List<JsonValue> updates, Instant timestamp) {
    }
}
