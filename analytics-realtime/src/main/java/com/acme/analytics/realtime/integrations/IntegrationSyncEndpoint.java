package com.acme.analytics.realtime.integrations;

import com.acme.analytics.access.Caller;
import com.acme.analytics.access.OpenConnections;
import com.acme.analytics.access.workspaces.Workspaces;
import com.acme.analytics.realtime.hub.ClientChannel;
import com.acme.analytics.realtime.hub.MessageWriter;
import com.acme.analytics.realtime.hub.SubscriptionHub;
import com.acme.analytics.realtime.hub.Topic;
import com.acme.analytics.realtime.websocket.Channels;
import com.acme.analytics.realtime.websocket.ClientMessage;
import com.acme.analytics.realtime.websocket.SharedEndpoints;
import com.acme.analytics.realtime.websocket.SocketAccess;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The integration analytics socket. The {@code client_id} of the path is the client's own name for its connection;
 * the tenant is the credential's workspace (a workspace id in the path keeps working). {@code start_sync} with an
 * {@code integration_id} known to the tenant answers {@code sync_started} and an {@code analytics_update} at once,
 * and another after every sync and batch of its events; {@code stop_sync} ends that. Errors are {@code {"type":"error","message":...,"code":...}}.
 */
@Dependent
@ServerEndpoint(value = "/realtime-analytics/ws/{client_id}", configurator = SharedEndpoints.class)
public class IntegrationSyncEndpoint {

    private static final Logger LOG = Logger.getLogger(IntegrationSyncEndpoint.class.getName());
    static final int MAX_MESSAGE_CHARS = 16 * 1024;
    static final int MAX_ID = 128;
    public static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    @Inject
    SubscriptionHub hub;
    @Inject
    IntegrationAnalytics analytics;
    @Inject
    OpenConnections connections;
    @Inject
    Workspaces workspaces;
    @Inject
    IntegrationConnections health;

    @OnOpen
    public void onOpen(Session session, @PathParam("client_id") String clientId) throws IOException {
        if (!SocketAccess.admit(session, connections)) {
            return;
        }
        String tenant;
        try {
            tenant = tenant(session, clientId);
            SocketAccess.requireRead(session, tenant);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Workspaces unavailable for an integration socket", e);
            session.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "unavailable"));
            return;
        } catch (ClientMessage.Rejected e) {
            // Another workspace's socket: told why, then closed, before anything of it is sent. The client has no
            // channel yet, so the error goes out directly.
            session.getBasicRemote().sendText(MessageWriter.toJson(Map.of("type", "error", "message", e.getMessage(),
                    "code", e.code())));
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "forbidden"));
            return;
        }
        ClientChannel channel = Channels.open(hub, session, tenant, IntegrationAudience.INSTANCE);
        health.opened(session.getId(), tenant, clientId, channel, Channels.transport(session));
    }

    /**
     * The workspace of the socket: the credential's, whatever name the client gave its connection; a path naming a
     * workspace (the earlier contract, and an operator's only way to name one) names that workspace, so another
     * workspace's id is refused rather than quietly meaning the caller's own.
     */
    private String tenant(Session session, String clientId) throws SQLException {
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw new ClientMessage.Rejected("invalid_client_id", "client_id is 1 to 64 letters, digits, '_', '.'"
                    + " or '-'");
        }
        if (!(session.getUserPrincipal() instanceof Caller caller) || caller.workspaceId() == null
                || caller.workspaceId().equals(clientId)) {
            return clientId;
        }
        return workspaces.find(clientId).isPresent() ? clientId : caller.workspaceId();
    }

    @OnMessage(maxMessageSize = 1024 * 1024)
    public void onMessage(Session session, String text) {
        ClientChannel channel = Channels.of(session);
        Channels.transport(session).counters().received();
        try {
            ClientMessage message = ClientMessage.read(text, MAX_MESSAGE_CHARS);
            switch (message.type()) {
                case "start_sync" -> start(session, channel, integration(message));
                case "stop_sync" -> {
                    String integrationId = integration(message);
                    hub.unsubscribe(channel, Topic.integration(channel.workspaceId(), integrationId));
                    reply(session, "sync_stopped", integrationId);
                }
                case "ping" -> Channels.reply(session, MessageWriter.toJson(Map.of("type", "pong",
                        "timestamp", System.currentTimeMillis())));
                default -> throw new ClientMessage.Rejected("unknown_type", "unknown message type '"
                        + message.type() + "'; expected start_sync, stop_sync or ping");
            }
        } catch (ClientMessage.Rejected e) {
            error(session, e.code(), e.getMessage());
        }
    }

    private static String integration(ClientMessage message) {
        String id = message.id("integration_id", MAX_ID);
        if (id == null) {
            throw new ClientMessage.Rejected("invalid_message", "'integration_id' is required");
        }
        return id;
    }

    private void start(Session session, ClientChannel channel, String integrationId) {
        try {
            if (!analytics.exists(channel.workspaceId(), integrationId)) {
                error(session, "unknown_integration", "unknown integration " + integrationId);
                return;
            }
            hub.subscribe(channel, Topic.integration(channel.workspaceId(), integrationId));
            reply(session, "sync_started", integrationId);
            channel.offer(analytics.update(channel.workspaceId(), integrationId, List.of()));
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Integration " + integrationId + " unavailable", e);
            error(session, "unavailable", "Failed to sync analytics data");
        }
    }

    private static void reply(Session session, String type, String integrationId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("integration_id", IntegrationAnalytics.wireId(integrationId));
        m.put("timestamp", System.currentTimeMillis());
        Channels.reply(session, MessageWriter.toJson(m));
    }

    private static void error(Session session, String code, String message) {
        Channels.reply(session, MessageWriter.toJson(Map.of("type", "error", "message", message, "code", code)));
    }

    @OnMessage
    public void onPong(Session session, PongMessage pong) {
        Channels.pong(session, pong);
    }

    @OnClose
    public void onClose(Session session, CloseReason reason) {
        health.closed(session.getId());
        Channels.close(session);
    }

    @OnError
    public void onError(Session session, Throwable error) {
        LOG.log(Level.FINE, "WebSocket error", error);
        health.closed(session.getId());
        Channels.close(session);
    }
}
