package com.acme.analytics.realtime.websocket;

import com.acme.analytics.domain.health.HealthStatus;
import com.acme.analytics.realtime.hub.ClientChannel;
import com.acme.analytics.realtime.hub.SubscriptionHub;
import com.acme.analytics.realtime.hub.Topic;
import com.acme.analytics.realtime.monitor.MonitorSample;
import com.acme.analytics.realtime.monitor.SystemMonitor;
import com.acme.analytics.realtime.startup.WebModuleStarted;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code system_health} metric category: this instance's figures, published every stats interval to the
 * system topic, to which dashboards that asked for the category are subscribed. Its {@code status} sums up the
 * instance's health checks, which are run on the interval's tick whether anyone listens or not, so that a
 * subscription's snapshot never waits on a database round trip (or on an unreachable database).
 */
@ApplicationScoped
public class SystemHealthFeed {

    private static final Logger LOG = Logger.getLogger(SystemHealthFeed.class.getName());

    private ScheduledFuture<?> task;
    /** The latest checks, by name; empty until the first tick has run. */
    private volatile Map<String, Boolean> checks = Map.of();

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    SubscriptionHub hub;
    @Inject
    HealthStatus healthStatus;
    @Inject
    SystemMonitor monitor;
    @Inject
    @ConfigProperty(name = "analytics.realtime.stats-interval-ms")
    long intervalMs;

    @PostConstruct
    void start() {
        task = scheduler.scheduleAtFixedRate(this::tick, 0, intervalMs, TimeUnit.MILLISECONDS);
    }

    void onStart(@Observes WebModuleStarted started) {
        // Observing the start instantiates the bean, whose @PostConstruct schedules the updates.
    }

    void tick() {
        try {
            checks = Map.copyOf(healthStatus.checks());
        } catch (RuntimeException e) {
            // A check that cannot run says nothing good; the schedule must survive it (an escaping exception
            // would cancel every later tick).
            LOG.log(Level.WARNING, "Health checks failed", e);
            checks = Map.of("checks", false);
        }
        publish();
    }

    void publish() {
        if (!hub.hasSubscribers(Topic.system())) {
            return;
        }
        SystemHealth health = now();
        hub.publish(Topic.system(), a -> a instanceof DashboardAudience d ? d.systemHealth(health) : null);
    }

    SystemHealth now() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long queued = hub.channels().stream().mapToLong(ClientChannel::queued).sum();
        Map<String, Boolean> latest = checks;
        MonitorSample sample = monitor.cached();
        return new SystemHealth(latest.isEmpty() ? "unknown" : HealthStatus.summary(latest), latest,
                hub.connections(), queued, heap.getUsed() / (1024 * 1024),
                heap.getMax() / (1024 * 1024), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000, Instant.now(),
                sample == null ? null : sample.systemOnly());
    }

    @PreDestroy
    void stop() {
        task.cancel(false);
    }

    /**
     * The {@code system_health} figures of this instance.
     *
     * @param status {@code healthy}, {@code degraded}, {@code unhealthy} (see {@link HealthStatus#summary}), or
     *               {@code unknown} before the first check
     * @param checks each health check by name ({@code database}, {@code flusher}), true when up
     * @param monitor the system monitor's latest sample (the figures of {@code GET /api/system/monitor}) without
     *                any workspace's jobs or activities, null before its first
     */
    public record SystemHealth(String status, Map<String, Boolean> checks, int connections, long queuedMessages,
                               long heapUsedMb, long heapMaxMb, int processors, double loadAverage, long uptimeSeconds, Instant timestamp,
                               MonitorSample monitor) {
    }
}
