package com.acme.analytics.realtime.websocket;

import com.acme.analytics.realtime.hub.Audience;
import com.acme.analytics.realtime.hub.ClientChannel;
import com.acme.analytics.realtime.hub.Outbound;
import com.acme.analytics.realtime.hub.SubscriptionHub;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;

/** The hub client of a WebSocket session, kept in the session's properties. */
public final class Channels {

    private static final String KEY = ClientChannel.class.getName();
    private static final String TRANSPORT = WebSocketTransport.class.getName();

    private Channels() {
    }

    public static ClientChannel open(SubscriptionHub hub, Session session, String workspaceId, Audience audience) {
        TyrusInternals tyrus = TyrusInternals.instance();
        // Tyrus re-arms the idle timer on every frame received, timeout or not: first off the managed scheduler.
        tyrus.plainIdleTimer(session);
        // No container idle timeout: Tyrus re-arms it on every send through one shared scheduler, which costs more
        // than the send itself with thousands of sessions. Heartbeats and the hub's lagging checks cover idle and
        // dead clients instead.
        WebSocketTransport.switchOffIdleTimeout(session);
        WebSocketTransport transport = new WebSocketTransport(session, hub.executor(), tyrus.frameSender(session));
        ClientChannel channel = hub.open(workspaceId, audience, transport);
        session.getUserProperties().put(KEY, channel);
        session.getUserProperties().put(TRANSPORT, transport);
        tyrus.releaseHandshake(session);
        return channel;
    }

    /** A pong from the client: it read what was sent before the ping it answers. */
    public static void pong(Session session, PongMessage pong) {
        WebSocketTransport transport = (WebSocketTransport) session.getUserProperties().get(TRANSPORT);
        if (transport != null) {
            transport.acknowledge(pong);
        }
    }

    /** A message from the client: it is alive. */
    public static void touch(Session session) {
        ClientChannel channel = of(session);
        if (channel != null) {
            channel.touch();
        }
    }

    /** The session's transport, or null before {@link #open}. */
    public static WebSocketTransport transport(Session session) {
        return (WebSocketTransport) session.getUserProperties().get(TRANSPORT);
    }

    public static ClientChannel of(Session session) {
        return (ClientChannel) session.getUserProperties().get(KEY);
    }

    /** Queues an answer behind what the client already waits for (one send in flight per client). */
    public static void reply(Session session, String text) {
        ClientChannel channel = of(session);
        if (channel != null) {
            channel.offer(Outbound.ordered("message", text, 0));
        }
    }

    public static void close(Session session) {
        ClientChannel channel = of(session);
        if (channel != null) {
            channel.close("closed");
        }
    }
}
