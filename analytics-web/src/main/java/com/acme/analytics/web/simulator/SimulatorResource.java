package com.acme.analytics.web.simulator;

import com.acme.analytics.access.Access;
import com.acme.analytics.access.AccessDenied;
import com.acme.analytics.access.Caller;
import com.acme.analytics.access.CurrentCaller;
import com.acme.analytics.access.Permission;
import com.acme.analytics.domain.events.InvalidInputException;
import com.acme.analytics.ingest.simulator.SimulationRequest;
import com.acme.analytics.ingest.simulator.SimulationView;
import com.acme.analytics.ingest.simulator.Simulator;
import com.acme.analytics.web.SmallJsonBody;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The campaign document's simulator: {@code POST} controls it ({@code start}, {@code burst}, {@code journey},
 * {@code stop}), {@code GET} lists the workspace's simulations. Members and admins only: a viewer may not add
 * events, and a write key (a partner system's) starts nothing. The workspace is the credential's; an
 * {@code organizationId} naming another is refused with 403.
 */
@Path("analytics/real-time/simulate")
@RequestScoped
public class SimulatorResource {

    static final int MAX_BODY_BYTES = 16 * 1024;

    @Inject
    Simulator simulator;
    @Inject
    CurrentCaller caller;

    /** The answer to a control request: the simulation acted on, and for {@code stop} every one it stopped. */
    public record Answer(boolean success, SimulationView simulation, List<SimulationView> simulations,
                         Integer stopped, Instant timestamp) {
    }

    /** The workspace's simulations, newest first (at most 100), and how many run now. */
    public record Listing(boolean success, List<SimulationView> simulations, long running, Instant timestamp) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Access(Permission.TRACK)
    public Response control(InputStream body) throws SQLException, InterruptedException {
        requireMember();
        SimulationRequest r = SimulationRequest.read(
                SmallJsonBody.object(body, MAX_BODY_BYTES, "must be a JSON object with 'action'"), simulator.limits());
        if (r.organizationId() != null) {
            caller.requireWorkspace(r.organizationId(), "organizationId");
        }
        String workspace = caller.workspaceId();
        return switch (r.action()) {
            case START -> Response.ok(answer(simulator.start(workspace, r.campaignIds(), r.eventsPerMinute(),
                    r.durationMinutes(), r.mix(), r.errorRate()).orElseThrow(() -> new InvalidInputException("action",
                    "this workspace already runs " + simulator.limits().maxPerWorkspace()
                            + " simulations (analytics.simulator.max-per-workspace); stop one first")))).build();
            case BURST -> Response.ok(answer(simulator.burst(workspace, r.campaignIds(), r.count(), r.mix(),
                    r.errorRate()))).build();
            case JOURNEY -> Response.ok(answer(simulator.journey(workspace, r.campaignIds()))).build();
            case STOP -> Response.ok(stop(workspace, r.simulationId())).build();
        };
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Access(value = Permission.TRACK, workspaceQuery = "organizationId")
    public Listing list() throws SQLException {
        requireMember();
        List<SimulationView> all = simulator.list(caller.workspaceId());
        return new Listing(true, all, all.stream().filter(s -> SimulationView.RUNNING.equals(s.status())).count(),
                Instant.now());
    }

    private Answer stop(String workspace, String simulationId) throws SQLException, InterruptedException {
        List<SimulationView> stopped = simulator.stop(workspace, simulationId);
        SimulationView one = null;
        if (simulationId != null) {
            one = stopped.isEmpty() ? simulator.find(workspace, simulationId).orElseThrow(
                    () -> new NotFoundException("No simulation " + simulationId + " in this workspace")) : stopped.get(0);
        }
        return new Answer(true, one, stopped, stopped.size(), Instant.now());
    }

    private static Answer answer(SimulationView s) {
        return new Answer(true, s, null, null, Instant.now());
    }

    /** The simulator adds events as a person would: a member's or admin's token, not a partner's write key. */
    private void requireMember() {
        if (caller.get().kind() == Caller.Kind.WRITE_KEY) {
            throw AccessDenied.forbidden("The simulator needs a member's token; a write key only sends events");
        }
    }
}
