package com.acme.analytics.realtime.jobs;

import com.acme.analytics.access.OpenConnections;
import com.acme.analytics.realtime.hub.ClientChannel;
import com.acme.analytics.realtime.hub.MessageWriter;
import com.acme.analytics.realtime.hub.SubscriptionHub;
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

import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The socket of one job of the caller's workspace: its current state at once, then its job messages; for a job id
 * the workspace does not have, {@code {"type":"error","message":"Job not found"}} and the socket closes.
 * {@code ping} is the only message in.
 */
@Dependent
@ServerEndpoint(value = "/ws/job/{job_id}", configurator = SharedEndpoints.class)
public class JobEndpoint {

    private static final Logger LOG = Logger.getLogger(JobEndpoint.class.getName());

    @Inject
    SubscriptionHub hub;
    @Inject
    OpenConnections connections;
    @Inject
    JobFeed feed;

    @OnOpen
    public void onOpen(Session session, @PathParam("job_id") String jobId) {
        if (SocketAccess.admit(session, connections)) {
            String workspaceId = SocketAccess.workspaceOf(session);
            ClientChannel channel = Channels.open(hub, session, workspaceId, JobAudience.of(session, workspaceId));
            try {
                if (!feed.follow(channel, jobId, null)) {
                    notFound(session);
                }
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "Job state unavailable", e);
                session.getAsyncRemote().sendText(MessageWriter.toJson(Map.of("type", "error", "message",
                        "Job state unavailable; try again", "code", "unavailable")), r -> Channels.close(session));
            }
        }
    }

    /** Says so, then closes once it was sent. */
    private static void notFound(Session session) {
        session.getAsyncRemote().sendText(JobsEndpoint.JOB_NOT_FOUND, r -> Channels.close(session));
    }

    @OnMessage(maxMessageSize = 1024 * 1024)
    public void onMessage(Session session, String text) {
        try {
            ClientMessage message = ClientMessage.read(text, JobsEndpoint.MAX_MESSAGE_CHARS);
            if (!message.type().equals("ping")) {
                throw new ClientMessage.Rejected("unknown_type", "unknown message type '" + message.type()
                        + "'; this socket takes only ping");
            }
            JobsEndpoint.pong(session);
        } catch (ClientMessage.Rejected e) {
            JobsEndpoint.error(session, e);
        }
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
