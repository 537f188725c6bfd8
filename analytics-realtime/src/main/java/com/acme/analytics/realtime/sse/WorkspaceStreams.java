package com.acme.analytics.realtime.sse;

import com.acme.analytics.domain.workspaces.WorkspaceStats;
import com.acme.analytics.ingest.metrics.WorkspaceStatsQuery;
import com.acme.analytics.realtime.hub.MessageWriter;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open workspace SSE streams. One scheduled task serves them all: every stats interval it reads each
 * workspace's stats once and sends the same event to each of its streams; it pings every ping interval, and
 * closes streams that failed or outlived the maximum duration.
 */
@ApplicationScoped
public class WorkspaceStreams {

    private static final Logger LOG = Logger.getLogger(WorkspaceStreams.class.getName());
    static final Duration MAX_DURATION = Duration.ofHours(1);

    private final Map<String, Stream> streams = new ConcurrentHashMap<>();
    private ScheduledFuture<?> statsTask;
    private ScheduledFuture<?> pingTask;

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    WorkspaceStatsQuery statsQuery;
    @Inject
    @ConfigProperty(name = "analytics.realtime.stats-interval-ms")
    long statsIntervalMs;
    @Inject
    @ConfigProperty(name = "analytics.realtime.ping-interval-ms")
    long pingIntervalMs;

    /** Registers a stream and sends it {@code connected}, then the current {@code stats}. */
    public void open(String workspaceId, SseEventSink sink, Sse sse) {
        String connectionId = "conn_" + System.currentTimeMillis() + "_" + UUID.randomUUID().toString().substring(0, 8);
        Stream stream = new Stream(connectionId, workspaceId, sink, sse, Instant.now());
        startTasks();
        streams.put(connectionId, stream);
        stream.send("connected", new Connected(connectionId, workspaceId, stream.openedAt()));
        try {
            stream.send("stats", statsQuery.stats(workspaceId));
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Stats of workspace " + workspaceId + " unavailable", e);
        }
    }

    /** Live streams of the workspace. */
    public long connections(String workspaceId) {
        return streams.values().stream().filter(s -> s.workspaceId().equals(workspaceId) && !s.sink().isClosed())
                .count();
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
        removeClosedAndExpired();
        Map<String, WorkspaceStats> byWorkspace = new HashMap<>();
        for (Stream stream : streams.values()) {
            WorkspaceStats stats = byWorkspace.computeIfAbsent(stream.workspaceId(), this::statsOrNull);
            if (stats != null) {
                stream.send("stats", stats);
            }
        }
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
        removeClosedAndExpired();
        Map<String, Long> ping = Map.of("timestamp", System.currentTimeMillis());
        streams.values().forEach(s -> s.send("ping", ping));
    }

    private void removeClosedAndExpired() {
        Instant oldest = Instant.now().minus(MAX_DURATION);
        for (Stream s : Set.copyOf(streams.values())) {
            if (s.sink().isClosed() || s.openedAt().isBefore(oldest)) {
                streams.remove(s.connectionId());
                s.close();
            }
        }
    }

    @PreDestroy
    void closeAll() {
        if (statsTask != null) {
            statsTask.cancel(false);
            pingTask.cancel(false);
        }
        streams.values().forEach(Stream::close);
        streams.clear();
    }

    /** The data of the {@code connected} event. */
    public record Connected(String connectionId, String workspaceId, Instant timestamp) {
    }

    private record Stream(String connectionId, String workspaceId, SseEventSink sink, Sse sse, Instant openedAt) {

        void send(String name, Object data) {
            if (sink.isClosed()) {
                return;
            }
            OutboundSseEvent event = sse.newEventBuilder().name(name)
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(String.class, MessageWriter.toJson(data))
                    .build();
            sink.send(event).exceptionally(e -> {
                close();
                return null;
            });
        }

        void close() {
            try {
                sink.close();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Closing a broken stream", e);
            }
        }
    }
}
