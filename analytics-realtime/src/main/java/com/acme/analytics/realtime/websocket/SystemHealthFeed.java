package com.acme.analytics.realtime.websocket;

import com.acme.analytics.realtime.hub.ClientChannel;
import com.acme.analytics.realtime.hub.SubscriptionHub;
import com.acme.analytics.realtime.hub.Topic;
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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The {@code system_health} metric category: this instance's figures, published every stats interval to the
 * system topic, to which dashboards that asked for the category are subscribed.
 */
@ApplicationScoped
public class SystemHealthFeed {

    private ScheduledFuture<?> task;

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    SubscriptionHub hub;
    @Inject
    @ConfigProperty(name = "analytics.realtime.stats-interval-ms")
    long intervalMs;

    @PostConstruct
    void start() {
        task = scheduler.scheduleAtFixedRate(this::publish, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    void onStart(@Observes WebModuleStarted started) {
        // Observing the start instantiates the bean, whose @PostConstruct schedules the updates.
    }

    void publish() {
        if (!hub.hasSubscribers(Topic.system())) {
            return;
        }
        SystemHealth health = now();
        hub.publish(Topic.system(), a -> a instanceof DashboardAudience d ? d.systemHealth(health) : null);
    }

    /** Sends one client the current figures, as the snapshot of its subscription. */
    void snapshot(ClientChannel channel, DashboardAudience audience) {
        channel.offer(audience.systemHealth(now()));
    }

    SystemHealth now() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long queued = hub.channels().stream().mapToLong(ClientChannel::queued).sum();
        return new SystemHealth("healthy", hub.connections(), queued, heap.getUsed() / (1024 * 1024),
                heap.getMax() / (1024 * 1024), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000, Instant.now());
    }

    @PreDestroy
    void stop() {
        task.cancel(false);
    }

    /** The {@code system_health} figures of this instance. */
    public record SystemHealth(String status, int connections, long queuedMessages, long heapUsedMb, long heapMaxMb,
                               int processors, double loadAverage, long uptimeSeconds, Instant timestamp) {
    }
}
