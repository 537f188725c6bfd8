package com.acme.analytics.realtime.websocket;

import com.acme.analytics.realtime.hub.MessageWriter.Envelope;
import com.acme.analytics.realtime.hub.MessageWriter.Problem;
import com.acme.analytics.realtime.hub.SubscriptionHub;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The live dashboard socket: {@code subscribe}, {@code unsubscribe} and {@code ping} in; pushes out. */
@ServerEndpoint("/ws/realtime")
public class RealtimeEndpoint {

    private static final Logger LOG = Logger.getLogger(RealtimeEndpoint.class.getName());
    /** Client messages are small; a larger frame is refused before it is buffered whole. */
    static final int MAX_MESSAGE_BYTES = 16 * 1024;

    @Inject
    SubscriptionHub hub;

    @OnMessage(maxMessageSize = MAX_MESSAGE_BYTES)
    public void onMessage(Session session, String text) {
        try {
            ClientMessage message = ClientMessage.read(text);
            switch (message.type()) {
                case "subscribe" -> hub.subscribe(session, message.subscription());
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
