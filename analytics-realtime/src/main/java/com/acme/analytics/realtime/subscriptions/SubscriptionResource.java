package com.acme.analytics.realtime.subscriptions;

import com.acme.analytics.access.Access;
import com.acme.analytics.access.CurrentCaller;
import com.acme.analytics.access.Permission;
import com.acme.analytics.domain.events.FieldViolation;
import com.acme.analytics.domain.events.InvalidInputException;
import com.acme.analytics.realtime.subscriptions.CampaignSubscriptions.Subscription;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Campaign subscriptions: {@code POST} creates one ({@code organizationId}, optional {@code campaignIds}),
 * {@code DELETE} removes one ({@code subscriptionId} as a query parameter or in the body), {@code GET} answers
 * the statistics of all of them.
 */
@Path("analytics/real-time/subscribe")
@Access(Permission.READ)
@RequestScoped
public class SubscriptionResource {

    static final int MAX_ID = 128;
    static final int MAX_CAMPAIGNS = 100;
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    CampaignSubscriptions subscriptions;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String text) {
        JsonObject body = object(text);
        List<FieldViolation> violations = new ArrayList<>();
        String organizationId = id(body.get("organizationId"), "organizationId", violations);
        List<String> campaignIds = new ArrayList<>();
        JsonValue campaigns = body.get("campaignIds");
        if (campaigns != null && campaigns.getValueType() != JsonValue.ValueType.NULL) {
            if (!(campaigns instanceof JsonArray array) || array.size() > MAX_CAMPAIGNS) {
                violations.add(new FieldViolation("campaignIds",
                        "must be an array of at most " + MAX_CAMPAIGNS + " campaign ids"));
            } else {
                for (int i = 0; i < array.size(); i++) {
                    String id = id(array.get(i), "campaignIds[" + i + "]", violations);
                    if (id != null) {
                        campaignIds.add(id);
                    }
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (organizationId == null) {
            organizationId = caller.workspaceId();
        }
        caller.requireWorkspace(organizationId, "organizationId");
        Subscription s = subscriptions.create(organizationId, campaignIds);
        return Response.status(Response.Status.CREATED).entity(new Created(true,
                new View(s.id(), s.organizationId(), s.campaignIds(), s.createdAt()))).build();
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public Removed remove(@QueryParam("subscriptionId") String subscriptionId, String text) {
        String id = subscriptionId;
        if (id == null && text != null && !text.isBlank()) {
            id = id(object(text).get("subscriptionId"), "subscriptionId", new ArrayList<>());
        }
        if (id == null) {
            throw new InvalidInputException("subscriptionId", "is required, as a query parameter or in the body");
        }
        // Another workspace's subscription is answered as unknown: its existence is not told either.
        String workspace = caller.workspaceId();
        if (subscriptions.find(id).filter(s -> s.organizationId().equals(workspace)).isEmpty()
                || !subscriptions.remove(id)) {
            throw new NotFoundException("no subscription " + id);
        }
        return new Removed(true, "Subscription removed", id);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CampaignSubscriptions.Stats stats() {
        return subscriptions.stats(caller.workspaceId());
    }

    static JsonObject object(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("body", "a JSON object is required");
        }
        try (var reader = JSON.createReader(new StringReader(text))) {
            JsonValue v = reader.readValue();
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidInputException("body", "must be a JSON object");
            }
            return v.asJsonObject();
        } catch (JsonException e) {
            throw new InvalidInputException("body", "not valid JSON: " + e.getMessage());
        }
    }

    private static String id(JsonValue v, String field, List<FieldViolation> violations) {
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(v instanceof JsonString s) || s.getString().isBlank() || s.getString().length() > MAX_ID) {
            violations.add(new FieldViolation(field, "must be a non-blank string of at most " + MAX_ID
                    + " characters"));
            return null;
        }
        return s.getString();
    }

    public record Created(boolean success, View subscription) {
    }

    public record View(String id, String organizationId, List<String> campaignIds, Instant createdAt) {
    }

    public record Removed(boolean success, String message, String subscriptionId) {
    }
}
