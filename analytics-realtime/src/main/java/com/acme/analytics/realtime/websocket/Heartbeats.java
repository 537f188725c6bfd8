package com.acme.analytics.realtime.websocket;

import com.acme.analytics.realtime.hub.ClientChannel;
import com.acme.analytics.realtime.hub.MessageWriter;
import com.acme.analytics.realtime.hub.Outbound;
import com.acme.analytics.realtime.hub.SubscriptionHub;
import com.acme.analytics.realtime.startup.WebModuleStarted;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends every WebSocket client that wants them a {@code heartbeat} each interval, written once per tick. It is
 * coalesced: a client that has not taken the last one gets only the newest.
 */
@ApplicationScoped
public class Heartbeats {

    private ScheduledFuture<?> task;

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    SubscriptionHub hub;
    @Inject
    @ConfigProperty(name = "analytics.realtime.heartbeat-interval-ms")
    long intervalMs;

    @PostConstruct
    void start() {
        task = scheduler.scheduleAtFixedRate(this::beat, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    void onStart(@Observes WebModuleStarted started) {
        // Observing the start instantiates the bean, whose @PostConstruct schedules the heartbeats.
    }

    void beat() {
        long now = System.currentTimeMillis();
        Outbound heartbeat = Outbound.latest("heartbeat", MessageWriter.toJson(
                Map.of("type", "heartbeat", "timestamp", now)), "heartbeat");
        for (ClientChannel channel : hub.channels()) {
            if (channel.audience().heartbeats()) {
                channel.offer(heartbeat);
            }
        }
    }

    @PreDestroy
    void stop() {
        task.cancel(false);
    }
}
