package com.acme.analytics.web.integrations;

import com.acme.analytics.access.Access;
import com.acme.analytics.access.Permission;
import com.acme.analytics.access.workspaces.Workspaces;
import com.acme.analytics.domain.events.InvalidInputException;
import com.acme.analytics.ingest.sync.integrations.Integration;
import com.acme.analytics.ingest.sync.integrations.Integrations;
import com.acme.analytics.ingest.sync.schedule.SyncStates;
import com.acme.analytics.web.SmallJsonBody;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;
import java.net.URI;
import java.sql.SQLException;
import java.time.Instant;

/**
 * {@code /api/workspaces/{id}/integrations}: a workspace's provider integrations, for its admins and the operator.
 * Credentials go in and never come out: an answer shows {@code "credentials": {"configured": true}}.
 */
@Path("workspaces/{workspaceId}/integrations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class IntegrationsResource {

    /** Integration bodies carry configs and credentials (a service-account key is about 2.5 KB). */
    static final int MAX_BYTES = 65536;

    @Inject
    Integrations integrations;
    @Inject
    Workspaces workspaces;
    @Inject
    SyncStates states;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Permission.ADMINISTER, workspacePath = "workspaceId")
    public Response create(@PathParam("workspaceId") String workspaceId, InputStream body) throws SQLException {
        requireWorkspace(workspaceId);
        JsonObject json = read(body);
        Boolean paused = paused(json);
        Integration created = integrations.create(workspaceId, json);
        if (Boolean.TRUE.equals(paused)) {
            states.paused(workspaceId, created.id(), true);
        }
        return Response.created(URI.create("workspaces/" + workspaceId + "/integrations/" + created.id()))
                .entity(view(created)).build();
    }

    @GET
    @Access(value = Permission.ADMINISTER, workspacePath = "workspaceId")
    public JsonObject list(@PathParam("workspaceId") String workspaceId) throws SQLException {
        requireWorkspace(workspaceId);
        JsonArrayBuilder all = Json.createArrayBuilder();
        integrations.list(workspaceId).forEach(i -> all.add(view(i)));
        return Json.createObjectBuilder().add("integrations", all).build();
    }

    @GET
    @Path("{integrationId}")
    @Access(value = Permission.ADMINISTER, workspacePath = "workspaceId")
    public JsonObject get(@PathParam("workspaceId") String workspaceId,
                          @PathParam("integrationId") long integrationId) throws SQLException {
        return view(integrations.find(workspaceId, integrationId).orElseThrow(() -> missing(workspaceId,
                integrationId)));
    }

    /**
     * {@code state} is idle, syncing, failed or paused; {@code freshnessSeconds} is the age of the last successful
     * sync.
     */
    @GET
    @Path("{integrationId}/status")
    @Access(value = Permission.ADMINISTER, workspacePath = "workspaceId")
    public JsonObject status(@PathParam("workspaceId") String workspaceId,
                             @PathParam("integrationId") long integrationId) throws SQLException {
        return IntegrationStatusView.of(states.status(workspaceId, integrationId)
                .orElseThrow(() -> missing(workspaceId, integrationId)), Instant.now());
    }

    /** Stops the schedule until {@code resume}; answers the status (state {@code paused}). */
    @POST
    @Path("{integrationId}/pause")
    @Access(value = Permission.ADMINISTER, workspacePath = "workspaceId")
    public JsonObject pause(@PathParam("workspaceId") String workspaceId,
                            @PathParam("integrationId") long integrationId) throws SQLException {
        return pauseOrResume(workspaceId, integrationId, true);
    }

    /** Starts the schedule again with a sync at once; answers the status. */
    @POST
    @Path("{integrationId}/resume")
    @Access(value = Permission.ADMINISTER, workspacePath = "workspaceId")
    public JsonObject resume(@PathParam("workspaceId") String workspaceId,
                             @PathParam("integrationId") long integrationId) throws SQLException {
        return pauseOrResume(workspaceId, integrationId, false);
    }

    private JsonObject pauseOrResume(String workspaceId, long integrationId, boolean paused) throws SQLException {
        if (!states.paused(workspaceId, integrationId, paused)) {
            throw missing(workspaceId, integrationId);
        }
        return status(workspaceId, integrationId);
    }

    @PUT
    @Path("{integrationId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Permission.ADMINISTER, workspacePath = "workspaceId")
    public JsonObject update(@PathParam("workspaceId") String workspaceId,
                             @PathParam("integrationId") long integrationId, InputStream body) throws SQLException {
        JsonObject json = read(body);
        Boolean paused = paused(json);
        JsonObject changed = view(integrations.update(workspaceId, integrationId, json)
                .orElseThrow(() -> missing(workspaceId, integrationId)));
        if (paused != null && !states.paused(workspaceId, integrationId, paused)) {
            throw missing(workspaceId, integrationId);
        }
        return changed;
    }

    /**
     * The optional {@code paused} of a body: true pauses, false resumes, absent leaves the schedule as it is. Read
     * before anything is written, so that a bad value changes nothing.
     */
    private static Boolean paused(JsonObject body) {
        JsonValue value = body.get("paused");
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        throw new InvalidInputException("paused", "must be true or false: true pauses the schedule, false resumes"
                + " it");
    }

    @DELETE
    @Path("{integrationId}")
    @Access(value = Permission.ADMINISTER, workspacePath = "workspaceId")
    public Response delete(@PathParam("workspaceId") String workspaceId,
                           @PathParam("integrationId") long integrationId) throws SQLException {
        if (!integrations.delete(workspaceId, integrationId)) {
            throw missing(workspaceId, integrationId);
        }
        return Response.noContent().build();
    }

    static JsonObject view(Integration i) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", i.id()).add("workspaceId", i.workspaceId())
                .add("provider", i.provider()).add("name", i.name());
        if (i.workflowId() != null) {
            b.add("workflowId", i.workflowId());
        }
        return b.add("config", i.config())
                .add("credentials", Json.createObjectBuilder().add("configured", true))
                .add("syncFrequency", i.frequency().text())
                .add("filters", i.filters())
                .add("transformations", i.transformations())
                .add("createdAt", i.createdAt().toString())
                .add("updatedAt", i.updatedAt().toString())
                .build();
    }

    private static JsonObject read(InputStream body) {
        return SmallJsonBody.object(body, MAX_BYTES, "must be a JSON object: the integration");
    }

    private void requireWorkspace(String workspaceId) throws SQLException {
        if (workspaces.find(workspaceId).isEmpty()) {
            throw new NotFoundException("No workspace " + workspaceId);
        }
    }

    private static NotFoundException missing(String workspaceId, long integrationId) {
        return new NotFoundException("Workspace " + workspaceId + " has no integration " + integrationId);
    }
}
