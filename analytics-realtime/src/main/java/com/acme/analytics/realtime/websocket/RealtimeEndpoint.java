package com.acme.analytics.realtime.websocket;

import com.acme.analytics.domain.metrics.MetricWindow;
import com.acme.analytics.access.OpenConnections;
import com.acme.analytics.metrics.CampaignMetricsQuery;
import com.acme.analytics.realtime.hub.ClientChannel;
import com.acme.analytics.realtime.hub.DashboardSubscription;
import com.acme.analytics.realtime.hub.MessageWriter.Envelope;
import com.acme.analytics.realtime.hub.MessageWriter.Problem;
import com.acme.analytics.realtime.hub.MetricCategory;
import com.acme.analytics.realtime.hub.SubscriptionHub;
import com.acme.analytics.realtime.hub.Topic;
import com.acme.analytics.realtime.live.CategoryMetrics;
import com.acme.analytics.realtime.live.LiveDispatcher;
import com.acme.analytics.realtime.live.WorkspaceFigures;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live dashboard socket: {@code subscribe}, {@code unsubscribe}, {@code ping}, {@code heartbeat} and
 * {@code pong} in; {@code metrics_update},
 * {@code event}, {@code notification}, {@code heartbeat}, {@code pong} and {@code error} out. A {@code subscribe}
 * may carry {@code lastSequence}: the events after it still in the replay window come first, then live ones, and
 * the metrics come as a fresh snapshot. The caller subscribes only to a workspace it may read.
 */
@Dependent
@ServerEndpoint(value = "/ws/realtime", configurator = SharedEndpoints.class)
public class RealtimeEndpoint {

    private static final Logger LOG = Logger.getLogger(RealtimeEndpoint.class.getName());
    /** Client messages are small: a larger one is answered with an {@code error}, the connection kept. */
    static final int MAX_MESSAGE_CHARS = 16 * 1024;
    /** Beyond this the container refuses the frame before buffering it and closes with 1009 (too big). */
    static final int HARD_LIMIT_BYTES = 1024 * 1024;

    @Inject
    SubscriptionHub hub;
    @Inject
    OpenConnections connections;
    @Inject
    LiveDispatcher dispatcher;
    @Inject
    CampaignMetricsQuery campaignMetrics;
    @Inject
    CategoryMetrics categoryMetrics;
    @Inject
    SystemHealthFeed systemHealth;
    @Inject
    @ConfigProperty(name = "analytics.metrics.default-window-seconds")
    long windowSeconds;

    @OnOpen
    public void onOpen(Session session) {
        if (SocketAccess.admit(session, connections)) {
            Channels.open(hub, session, null, DashboardAudience.NONE);
        }
    }

    @OnMessage(maxMessageSize = HARD_LIMIT_BYTES)
    public void onMessage(Session session, String text) {
        try {
            ClientMessage message = ClientMessage.read(text, MAX_MESSAGE_CHARS);
            switch (message.type()) {
                case "subscribe" -> subscribe(session, message);
                case "unsubscribe" -> {
                    ClientChannel channel = Channels.of(session);
                    hub.unsubscribeAll(channel);
                    channel.dropEvents();
                    channel.audience(DashboardAudience.NONE);
                }
                case "ping" -> Channels.reply(session, Envelope.now("pong", Map.of()).toJson());
                // 004's client sends its own heartbeat every 30 s and expects the server to answer in kind.
                case "heartbeat" -> Channels.reply(session, Envelope.now("heartbeat", Map.of()).toJson());
                // A client answering our heartbeat: its message is the proof of life, nothing to say back.
                case "pong" -> Channels.touch(session);
                default -> throw new ClientMessage.Rejected("unknown_type", "unknown message type '"
                        + message.type() + "'; expected subscribe, unsubscribe, ping, heartbeat or pong");
            }
        } catch (ClientMessage.Rejected e) {
            error(session, e.code(), e.getMessage());
        }
    }

    private void subscribe(Session session, ClientMessage message) {
        DashboardSubscription subscription = message.subscription(SocketAccess.workspaceOf(session));
        SocketAccess.requireRead(session, subscription.workspaceId());
        long lastSequence = message.lastSequence();
        ClientChannel channel = Channels.of(session);
        DashboardAudience audience = hub.shared(new DashboardAudience(subscription.metrics(), subscription.events(),
                subscription.notifications(), subscription.realTimeUpdates(),
                SocketAccess.administers(session, subscription.workspaceId())));
        hub.unsubscribeAll(channel);
        channel.workspaceId(subscription.workspaceId());
        channel.audience(audience);
        boolean health = subscription.metrics().contains(MetricCategory.SYSTEM_HEALTH);
        SystemHealthFeed.SystemHealth figures = health ? systemHealth.now() : null;
        try {
            MetricWindow.Trailing window = MetricWindow.lastSeconds(windowSeconds);
            channel.offer(audience.snapshot(new WorkspaceFigures(
                    campaignMetrics.dashboard(subscription.workspaceId(), window),
                    categoryMetrics.figures(subscription.workspaceId(), subscription.metrics(), window)), figures));
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Snapshot for a new subscription failed", e);
            error(session, "unavailable", "metrics are unavailable right now; the subscription stands");
            if (health) {
                channel.offer(audience.snapshot(null, figures));
            }
        }
        if (health) {
            hub.subscribe(channel, Topic.system());
        }
        if (!dispatcher.subscribe(channel, lastSequence < 0 ? dispatcher.head() : lastSequence)) {
            error(session, "resume_gap", "events after sequence " + lastSequence
                    + " are no longer held; some were missed");
        }
    }

    private static void error(Session session, String code, String message) {
        Channels.reply(session, Envelope.now("error", new Problem(code, message)).toJson());
    }

    /** The protocol is text only; a binary frame is ignored rather than allowed to end the connection. */
    @OnMessage(maxMessageSize = HARD_LIMIT_BYTES)
    public void onBinary(Session session, ByteBuffer frame) {
        // nothing to do: the frame carries no message of the protocol
    }

    @OnMessage
    public void onPong(Session session, PongMessage pong) {
        Channels.pong(session, pong);
    }

    @OnClose
    public void onClose(Session session, CloseReason reason) {
        Channels.close(session);
    }

    @OnError
    public void onError(Session session, Throwable error) {
        LOG.log(Level.FINE, "WebSocket error", error);
        Channels.close(session);
    }
}
