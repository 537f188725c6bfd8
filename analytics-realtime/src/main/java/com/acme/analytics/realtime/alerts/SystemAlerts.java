package com.acme.analytics.realtime.alerts;

import com.acme.analytics.domain.integrations.IntegrationSynced;
import com.acme.analytics.realtime.cluster.EventFeedSource;
import com.acme.analytics.realtime.live.Notifications;
import com.acme.analytics.realtime.live.WorkspaceNotice;
import com.acme.analytics.realtime.monitor.MonitorSample;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The built-in system alerts on the admins' dashboards (issue 13 §4): each system monitor sample and each integration
 * sync that ended here go through {@link SystemAlertRules}, and what fires or resolves becomes a {@code notification}
 * of category {@code system} for the admins of every workspace (the integration's workspace for a failing sync).
 * Told to the other instances too, except what each instance sees itself (database down, its cluster feed).
 * On by default; {@code analytics.alerts.system.enabled=false} switches them off.
 */
@ApplicationScoped
public class SystemAlerts {

    private static final JsonProvider JSON = JsonProvider.provider();

    private SystemAlertRules rules;

    @Inject
    EventFeedSource feed;
    @Inject
    Notifications notifications;
    @Inject
    @ConfigProperty(name = "analytics.alerts.system.enabled")
    boolean enabled;
    @Inject
    @ConfigProperty(name = "analytics.alerts.system.buffer-percent")
    double bufferPercent;
    @Inject
    @ConfigProperty(name = "analytics.alerts.system.flush-latency-ms")
    double flushLatencyMs;
    @Inject
    @ConfigProperty(name = "analytics.alerts.system.heap-percent")
    double heapPercent;
    @Inject
    @ConfigProperty(name = "analytics.alerts.system.for-seconds")
    long forSeconds;
    @Inject
    @ConfigProperty(name = "analytics.alerts.system.cooldown-seconds")
    long cooldownSeconds;
    @Inject
    @ConfigProperty(name = "analytics.alerts.system.sync-failures")
    int syncFailures;

    @PostConstruct
    void start() {
        rules = new SystemAlertRules(new SystemAlertRules.Settings(bufferPercent, flushLatencyMs, heapPercent,
                Duration.ofSeconds(forSeconds), Duration.ofSeconds(cooldownSeconds), Math.max(1, syncFailures)),
                ManagementFactory.getRuntimeMXBean().getName());
    }

    /** Whether they are on, and where each stands on this instance (the workspace's integrations among them). */
    public synchronized List<SystemAlertRules.Status> statuses(String workspaceId) {
        return enabled ? rules.statuses(workspaceId) : List.of();
    }

    public boolean enabled() {
        return enabled;
    }

    void onSample(@Observes MonitorSample sample) {
        if (enabled) {
            List<SystemAlertRules.Notice> notices;
            synchronized (this) {
                notices = rules.onSample(sample, sample.timestamp());
            }
            notices.forEach(this::tell);
        }
    }

    void onSynced(@Observes IntegrationSynced sync) {
        if (enabled) {
            Optional<SystemAlertRules.Notice> notice;
            synchronized (this) {
                notice = rules.onSync(sync, Instant.now());
            }
            notice.ifPresent(this::tell);
        }
    }

    private void tell(SystemAlertRules.Notice n) {
        Instant at = Instant.now();
        String data = JSON.createObjectBuilder(AlertNotice.data(n.kind() + "-" + UUID.randomUUID(), n.title(),
                n.message(), n.severity(), "system", at, n.actionUrl(), !n.fired())).build().toString();
        WorkspaceNotice notice = new WorkspaceNotice(n.workspaceId() == null ? WorkspaceNotice.EVERY_WORKSPACE
                : n.workspaceId(), data, true);
        if (n.local()) {
            notifications.deliver(notice);
        } else {
            feed.announce(notice);
        }
    }
}
