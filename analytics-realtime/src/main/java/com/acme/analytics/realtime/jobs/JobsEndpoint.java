package com.acme.analytics.realtime.jobs;

import com.acme.analytics.access.Caller;
import com.acme.analytics.access.OpenConnections;
import com.acme.analytics.access.Permission;
import com.acme.analytics.realtime.hub.Outbound;
import com.acme.analytics.realtime.monitor.SystemMonitor;
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
import jakarta.websocket.server.ServerEndpoint;

import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The general socket: {@code subscribe_job} / {@code unsubscribe_job} ({@code job_id}), {@code subscribe_system} /
 * {@code unsubscribe_system} (operators and workspace admins: {@code system_status} every sample, {@code activity} as it happens) and
 * {@code ping}; job messages of the subscribed jobs out, starting with each job's current state. Job ids carry no tenant in this contract, so a job id is looked up in the
 * caller's workspace: a job of another workspace with the same id is another job, never seen here.
 */
@Dependent
@ServerEndpoint(value = "/ws", configurator = SharedEndpoints.class)
public class JobsEndpoint {

    private static final Logger LOG = Logger.getLogger(JobsEndpoint.class.getName());
    static final int MAX_MESSAGE_CHARS = 16 * 1024;
    static final int MAX_ID = 128;
    /** The 002 document's answer for a job id the caller's workspace does not have. */
    static final String JOB_NOT_FOUND = MessageWriter.toJson(Map.of("type", "error", "message", "Job not found"));

    @Inject
    SubscriptionHub hub;
    @Inject
    OpenConnections connections;
    @Inject
    JobFeed feed;
    @Inject
    SystemMonitor monitor;

    @OnOpen
    public void onOpen(Session session) {
        if (SocketAccess.admit(session, connections)) {
            Channels.open(hub, session, SocketAccess.workspaceOf(session),
                    JobAudience.of(session, SocketAccess.workspaceOf(session)));
        }
    }

    @OnMessage(maxMessageSize = 1024 * 1024)
    public void onMessage(Session session, String text) {
        ClientChannel channel = Channels.of(session);
        try {
            ClientMessage message = ClientMessage.read(text, MAX_MESSAGE_CHARS);
            switch (message.type()) {
                case "subscribe_job" -> {
                    String jobId = job(message);
                    if (!feed.follow(channel, jobId, MessageWriter.toJson(Map.of("type", "subscribed", "job_id",
                            jobId)))) {
                        Channels.reply(session, JOB_NOT_FOUND);
                    }
                }
                case "unsubscribe_job" -> {
                    String jobId = job(message);
                    hub.unsubscribe(channel, Topic.job(channel.workspaceId(), jobId));
                    Channels.reply(session, MessageWriter.toJson(Map.of("type", "unsubscribed", "job_id", jobId)));
                }
                case "subscribe_system" -> subscribeSystem(session, channel);
                case "unsubscribe_system" -> hub.unsubscribe(channel, Topic.system());
                case "ping" -> pong(session);
                default -> throw new ClientMessage.Rejected("unknown_type", "unknown message type '"
                        + message.type() + "'; expected subscribe_job, unsubscribe_job, subscribe_system,"
                        + " unsubscribe_system or ping");
            }
        } catch (ClientMessage.Rejected e) {
            error(session, e);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Job state unavailable", e);
            Channels.reply(session, MessageWriter.toJson(Map.of("type", "error", "message",
                    "Job state unavailable; try again", "code", "unavailable")));
        }
    }

    /**
     * The system monitor, for operators (every workspace's jobs and activities) and workspace admins (their own
     * workspace's, beside the system's figures).
     */
    private void subscribeSystem(Session session, ClientChannel channel) {
        if (!(session.getUserPrincipal() instanceof Caller caller)
                || !(caller.permissions().contains(Permission.OPERATE)
                || caller.permissions().contains(Permission.ADMINISTER))) {
            throw new ClientMessage.Rejected("forbidden", "the system monitor needs an admin or operator credential");
        }
        hub.subscribe(channel, Topic.system());
        JobAudience audience = JobAudience.of(session, SocketAccess.workspaceOf(session));
        channel.offer(Outbound.latest("system_status", MessageWriter.toJson(Map.of("type", "system_status",
                "data", audience.visible(monitor.latest()))), "system_status"));
    }

    static String job(ClientMessage message) {
        String id = message.id("job_id", MAX_ID);
        if (id == null) {
            throw new ClientMessage.Rejected("invalid_message", "'job_id' is required");
        }
        return id;
    }

    static void pong(Session session) {
        Channels.reply(session, MessageWriter.toJson(Map.of("type", "pong", "timestamp",
                System.currentTimeMillis())));
    }

    static void error(Session session, ClientMessage.Rejected e) {
        Channels.reply(session, MessageWriter.toJson(Map.of("type", "error", "message", e.getMessage(),
                "code", e.code())));
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
