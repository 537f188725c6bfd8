package com.acme.analytics.web.integrations;

import com.acme.analytics.access.Access;
import com.acme.analytics.access.Permission;
import com.acme.analytics.domain.events.InvalidInputException;
import com.acme.analytics.realtime.integrations.IntegrationConnections;
import com.acme.analytics.realtime.integrations.IntegrationSyncEndpoint;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * {@code GET /api/workspaces/{id}/connections/{clientId}}: the health of the integration sockets that a client
 * opened under its {@code client_id}, on any instance. The top-level figures cover all of them: {@code connectedAt}
 * the earliest, {@code lastMessageAt} the latest, {@code messagesSent} and {@code queued} summed, {@code latencyMs}
 * the slowest ping round trip, {@code syncing} every integration started; {@code sockets} lists each one. A client
 * with no open socket answers {@code connected: false}.
 */
@Path("workspaces/{workspaceId}/connections/{clientId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConnectionHealthResource {

    @Inject
    IntegrationConnections connections;

    @GET
    @Access(value = Permission.READ, workspacePath = "workspaceId")
    public JsonObject health(@PathParam("workspaceId") String workspaceId, @PathParam("clientId") String clientId)
            throws SQLException {
        if (!IntegrationSyncEndpoint.CLIENT_ID.matcher(clientId).matches()) {
            throw new InvalidInputException("clientId", "is 1 to 64 letters, digits, '_', '.' or '-'");
        }
        return view(clientId, connections.of(workspaceId, clientId));
    }

    static JsonObject view(String clientId, List<IntegrationConnections.Socket> sockets) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("clientId", clientId)
                .add("connected", !sockets.isEmpty());
        time(b, "connectedAt", sockets.stream().map(IntegrationConnections.Socket::connectedAt)
                .min(Instant::compareTo).orElse(null));
        time(b, "lastMessageAt", sockets.stream().map(IntegrationConnections.Socket::lastMessageAt)
                .filter(Objects::nonNull).max(Instant::compareTo).orElse(null));
        b.add("messagesSent", sockets.stream().mapToLong(IntegrationConnections.Socket::messagesSent).sum())
                .add("queued", sockets.stream().mapToInt(IntegrationConnections.Socket::queued).sum());
        latency(b, sockets.stream().map(IntegrationConnections.Socket::latencyMs).filter(Objects::nonNull)
                .max(Double::compare).orElse(null));
        TreeSet<String> syncing = new TreeSet<>();
        JsonArrayBuilder each = Json.createArrayBuilder();
        for (IntegrationConnections.Socket s : sockets) {
            syncing.addAll(s.syncing());
            JsonObjectBuilder one = Json.createObjectBuilder().add("instance", s.instance());
            time(one, "connectedAt", s.connectedAt());
            time(one, "lastMessageAt", s.lastMessageAt());
            one.add("messagesSent", s.messagesSent()).add("queued", s.queued());
            latency(one, s.latencyMs());
            each.add(one.add("syncing", ids(s.syncing())));
        }
        return b.add("syncing", ids(syncing)).add("sockets", each).build();
    }

    /** Integration ids as the socket writes them: numbers when they are. */
    private static JsonArrayBuilder ids(Iterable<String> ids) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (String id : ids) {
            if (id.matches("\\d{1,18}")) {
                a.add(Long.parseLong(id));
            } else {
                a.add(id);
            }
        }
        return a;
    }

    private static void latency(JsonObjectBuilder b, Double ms) {
        if (ms == null) {
            b.addNull("latencyMs");
        } else {
            b.add("latencyMs", Math.round(ms * 1000) / 1000.0);
        }
    }

    private static void time(JsonObjectBuilder b, String name, Instant t) {
        if (t == null) {
            b.addNull(name);
        } else {
            b.add(name, t.toString());
        }
    }
}
