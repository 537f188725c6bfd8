package com.acme.analytics.realtime.websocket;

import com.acme.analytics.realtime.hub.Audience;
import com.acme.analytics.realtime.hub.ClientChannel;
import com.acme.analytics.realtime.hub.Outbound;
import com.acme.analytics.realtime.hub.SubscriptionHub;
import jakarta.websocket.Session;

/** The hub client of a WebSocket session, kept in the session's properties. */
public final class Channels {

    private static final String KEY = ClientChannel.class.getName();

    private Channels() {
    }

    public static ClientChannel open(SubscriptionHub hub, Session session, String workspaceId, Audience audience) {
        ClientChannel channel = hub.open(workspaceId, audience, new WebSocketTransport(session));
        session.getUserProperties().put(KEY, channel);
        return channel;
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
