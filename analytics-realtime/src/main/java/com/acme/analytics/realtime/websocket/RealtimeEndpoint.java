package com.acme.analytics.realtime.websocket;

import com.acme.analytics.ingest.access.Caller;
import com.acme.analytics.ingest.access.OpenConnections;
import com.acme.analytics.ingest.access.Permission;
import com.acme.analytics.ingest.access.TooManyRequests;
import com.acme.analytics.realtime.hub.DashboardSubscription;
import com.acme.analytics.realtime.hub.MessageWriter.Envelope;
import com.acme.analytics.realtime.hub.MessageWriter.Problem;
import com.acme.analytics.realtime.hub.SubscriptionHub;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live dashboard socket: {@code subscribe}, {@code unsubscribe} and {@code ping} in; pushes out. The handshake
 * was authenticated before the upgrade (the web module's WebSocket guard); the caller is the session's principal
 * and subscribes only to its own workspace.
 */
@ServerEndpoint("/ws/realtime")
public class RealtimeEndpoint {

    private static final Logger LOG = Logger.getLogger(RealtimeEndpoint.class.getName());
    /** Client messages are small; a larger frame is refused before it is buffered whole. */
    static final int MAX_MESSAGE_BYTES = 16 * 1024;

    @Inject
    SubscriptionHub hub;
    @Inject
    OpenConnections connections;

    @OnOpen
    public void onOpen(Session session) throws IOException {
        if (!(session.getUserPrincipal() instanceof Caller caller)) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "not authenticated"));
            return;
        }
        try {
            connections.open(caller, new SessionConnection(session));
        } catch (TooManyRequests e) {
            session.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too many connections"));
        }
    }

    @OnMessage(maxMessageSize = MAX_MESSAGE_BYTES)
    public void onMessage(Session session, String text) {
        try {
            ClientMessage message = ClientMessage.read(text);
            switch (message.type()) {
                case "subscribe" -> hub.subscribe(session, authorized(session, message.subscription()));
                case "unsubscribe" -> hub.unsubscribe(session);
                case "ping" -> hub.send(session, Envelope.now("pong", Map.of()).toJson());
                default -> throw new ClientMessage.Rejected("unknown_type", "unknown message type '"
                        + message.type() + "'; expected subscribe, unsubscribe or ping");
            }
        } catch (ClientMessage.Rejected e) {
            hub.send(session, Envelope.now("error", new Problem(e.code(), e.getMessage())).toJson());
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Snapshot for a new subscription failed", e);
            hub.send(session, Envelope.now("error", new Problem("unavailable",
                    "metrics are unavailable right now; the subscription stands")).toJson());
        }
    }

    /** A subscription to another workspace is refused: the client gets an {@code error} and no data. */
    private static DashboardSubscription authorized(Session session, DashboardSubscription subscription) {
        if (!(session.getUserPrincipal() instanceof Caller caller)
                || !caller.may(Permission.READ, subscription.workspaceId())) {
            throw new ClientMessage.Rejected("forbidden", "this credential may not read workspace '"
                    + subscription.workspaceId() + "'");
        }
        return subscription;
    }

    @OnClose
    public void onClose(Session session, CloseReason reason) {
        hub.unsubscribe(session);
    }

    @OnError
    public void onError(Session session, Throwable error) {
        LOG.log(Level.FINE, "WebSocket error", error);
        hub.unsubscribe(session);
    }
}
