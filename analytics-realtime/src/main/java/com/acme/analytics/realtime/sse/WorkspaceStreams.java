package com.acme.analytics.realtime.sse;

import com.acme.analytics.domain.workspaces.WorkspaceStats;
import com.acme.analytics.metrics.WorkspaceStatsQuery;
import com.acme.analytics.realtime.hub.ClientChannel;
import com.acme.analytics.realtime.hub.MessageWriter;
import com.acme.analytics.realtime.hub.Outbound;
import com.acme.analytics.realtime.hub.SubscriptionHub;
import com.acme.analytics.realtime.hub.Topic;
import com.acme.analytics.realtime.live.LiveDispatcher;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The workspace SSE streams, as hub clients of their workspace topic. Every stats interval it reads each watched
 * workspace's stats once and publishes them (coalesced) to its streams; it pings every ping interval; it closes
 * streams that outlived the maximum duration. Streams whose client went away are closed by the hub when a send
 * fails or the sink reports closed (stale clean-up).
 */
@ApplicationScoped
public class WorkspaceStreams {

    private static final Logger LOG = Logger.getLogger(WorkspaceStreams.class.getName());
    static final Duration MAX_DURATION = Duration.ofHours(1);

    private ScheduledFuture<?> statsTask;
    private ScheduledFuture<?> pingTask;

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    SubscriptionHub hub;
    @Inject
    LiveDispatcher dispatcher;
    @Inject
    WorkspaceStatsQuery statsQuery;
    @Inject
    @ConfigProperty(name = "analytics.realtime.stats-interval-ms")
    long statsIntervalMs;
    @Inject
    @ConfigProperty(name = "analytics.realtime.ping-interval-ms")
    long pingIntervalMs;

    /**
     * Registers a stream: {@code connected}, then the events after {@code lastEventId} still held (when the
     * client resumes), the current {@code stats}, and live events.
     *
     * @param lastEventId the {@code Last-Event-ID} the client sent, or null
     */
    public void open(String workspaceId, SseEventSink sink, Sse sse, Long lastEventId) {
        startTasks();
        ClientChannel channel = hub.open(workspaceId, StreamAudience.INSTANCE, new SseTransport(sink, sse, hub.executor()));
        String connectionId = "conn_" + System.currentTimeMillis() + "_" + channel.id().substring(0, 8);
        long after = lastEventId != null ? lastEventId : dispatcher.head();
        channel.startAfter(after);
        channel.offer(Outbound.ordered("connected", MessageWriter.toJson(
                new StreamAudience.Connected(connectionId, workspaceId, Instant.now())), 0));
        dispatcher.subscribe(channel, after);
        WorkspaceStats stats = statsOrNull(workspaceId);
        if (stats != null) {
            channel.offer(statsEvent(stats));
        }
    }

    /** Live streams of the workspace. */
    public long connections(String workspaceId) {
        return streams(workspaceId).size();
    }

    /** Closes every stream of the workspace. */
    public int closeAll(String workspaceId) {
        List<ClientChannel> streams = streams(workspaceId);
        streams.forEach(c -> c.close("closed_by_admin"));
        return streams.size();
    }

    private List<ClientChannel> streams(String workspaceId) {
        return hub.subscribers(Topic.workspace(workspaceId)).stream()
                .filter(c -> c.audience() instanceof StreamAudience && !c.isClosed()).toList();
    }

    private synchronized void startTasks() {
        if (statsTask == null) {
            statsTask = scheduler.scheduleAtFixedRate(this::sendStats, statsIntervalMs, statsIntervalMs,
                    TimeUnit.MILLISECONDS);
            pingTask = scheduler.scheduleAtFixedRate(this::sendPings, pingIntervalMs, pingIntervalMs,
                    TimeUnit.MILLISECONDS);
        }
    }

    void sendStats() {
        closeExpired();
        for (Topic topic : hub.topics(Topic.Kind.WORKSPACE)) {
            if (connections(topic.id()) == 0) {
                continue;
            }
            WorkspaceStats stats = statsOrNull(topic.id());
            if (stats != null) {
                Outbound event = statsEvent(stats);
                hub.publish(topic, a -> a instanceof StreamAudience ? event : null);
            }
        }
    }

    private static Outbound statsEvent(WorkspaceStats stats) {
        return Outbound.latest("stats", MessageWriter.toJson(stats), "stats");
    }

    private WorkspaceStats statsOrNull(String workspaceId) {
        try {
            return statsQuery.stats(workspaceId);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Stats of workspace " + workspaceId + " unavailable", e);
            return null;
        }
    }

    void sendPings() {
        closeExpired();
        Outbound ping = Outbound.latest("ping", MessageWriter.toJson(
                new StreamAudience.Ping(System.currentTimeMillis())), "ping");
        for (ClientChannel channel : hub.channels()) {
            if (channel.audience() instanceof StreamAudience) {
                channel.offer(ping);
            }
        }
    }

    private void closeExpired() {
        Instant oldest = Instant.now().minus(MAX_DURATION);
        for (ClientChannel channel : hub.channels()) {
            if (channel.audience() instanceof StreamAudience && channel.openedAt().isBefore(oldest)) {
                channel.close("expired");
            }
        }
    }

    @PreDestroy
    void stop() {
        if (statsTask != null) {
            statsTask.cancel(false);
            pingTask.cancel(false);
        }
    }
}
