package com.acme.analytics.realtime.integrations;

import com.acme.analytics.domain.database.DirectConnections;
import com.acme.analytics.realtime.hub.ClientChannel;
import com.acme.analytics.realtime.hub.Topic;
import com.acme.analytics.realtime.websocket.ConnectionCounters;
import com.acme.analytics.realtime.websocket.WebSocketTransport;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The integration sockets of every instance, for {@code GET /api/workspaces/{id}/connections/{clientId}}. This
 * instance's own are answered from memory; the others' from {@code live_connection}, which each instance rewrites
 * every {@code analytics.realtime.connections.refresh-ms}. Rows older than {@code ...stale-ms} are ignored and
 * deleted, so the sockets of an instance that died (no shutdown, no clean-up) disappear within that time. Each
 * refresh also pings every socket, so that {@code latencyMs} is a round trip at most one refresh old.
 */
@ApplicationScoped
public class IntegrationConnections {

    private static final Logger LOG = Logger.getLogger(IntegrationConnections.class.getName());

    /** One socket, as the health answer shows it; {@code instance} names the instance that holds it. */
    public record Socket(String instance, Instant connectedAt, Instant lastMessageAt, long messagesSent, int queued,
                         Double latencyMs, List<String> syncing) {
    }

    /** An open socket of this instance. */
    private record Local(String workspaceId, String clientId, ClientChannel channel, WebSocketTransport transport) {

        Socket snapshot(String instance) {
            ConnectionCounters c = transport.counters();
            List<String> syncing = channel.topics().stream().filter(t -> t.kind() == Topic.Kind.INTEGRATION)
                    .map(t -> t.id().substring(workspaceId.length() + 1)).sorted().toList();
            return new Socket(instance, channel.openedAt(), c.lastMessageAt(), c.messagesSent(), channel.queued(),
                    c.latencyMs(), syncing);
        }
    }

    /** Names this instance's rows: random per start, so a restarted instance never mistakes a dead one's rows. */
    private final String instance = Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);
    private final Map<String, Local> open = new ConcurrentHashMap<>();
    private ScheduledFuture<?> task;

    @Resource(lookup = "java:app/jdbc/analytics")
    DataSource dataSource;
    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    DirectConnections direct;
    @Inject
    @ConfigProperty(name = "analytics.realtime.connections.refresh-ms")
    long refreshMs;
    @Inject
    @ConfigProperty(name = "analytics.realtime.connections.stale-ms")
    long staleMs;

    @PostConstruct
    void start() {
        task = scheduler.scheduleWithFixedDelay(this::refresh, refreshMs, refreshMs, TimeUnit.MILLISECONDS);
    }

    void opened(String sessionId, String workspaceId, String clientId, ClientChannel channel,
                WebSocketTransport transport) {
        open.put(sessionId, new Local(workspaceId, clientId, channel, transport));
        transport.probe();
    }

    void closed(String sessionId) {
        open.remove(sessionId);
    }

    /** The client's sockets on every instance, oldest first; empty when it has none. */
    public List<Socket> of(String workspaceId, String clientId) throws SQLException {
        List<Socket> sockets = new ArrayList<>();
        for (Local l : open.values()) {
            if (l.workspaceId().equals(workspaceId) && l.clientId().equals(clientId) && !l.channel().isClosed()) {
                sockets.add(l.snapshot(instance));
            }
        }
        try (Connection c = dataSource.getConnection()) {
            sockets.addAll(LiveConnectionRows.others(c, instance, workspaceId, clientId, staleMs));
        }
        sockets.sort(Comparator.comparing(Socket::connectedAt));
        return sockets;
    }

    void refresh() {
        try {
            List<LiveConnectionRows.Row> rows = new ArrayList<>();
            open.forEach((sessionId, l) -> {
                if (l.channel().isClosed()) {
                    open.remove(sessionId);
                } else {
                    l.transport().probe();
                    rows.add(new LiveConnectionRows.Row(sessionId, l.workspaceId(), l.clientId(),
                            l.snapshot(instance)));
                }
            });
            try (Connection c = dataSource.getConnection()) {
                LiveConnectionRows.replace(c, instance, rows, staleMs);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Connection health not shared with the other instances; the next refresh tries"
                    + " again", e);
        }
    }

    /** Takes this instance's rows away at once (the pool may be gone at shutdown: a direct connection). */
    @PreDestroy
    void stop() {
        task.cancel(false);
        try (Connection c = direct.open("analytics-live-connections")) {
            LiveConnectionRows.replace(c, instance, List.of(), staleMs);
        } catch (SQLException e) {
            LOG.log(Level.FINE, "This instance's connection rows are left to go stale", e);
        }
    }
}
