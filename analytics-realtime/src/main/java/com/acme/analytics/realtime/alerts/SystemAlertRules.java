package com.acme.analytics.realtime.alerts;

import com.acme.analytics.domain.integrations.IntegrationSynced;
import com.acme.analytics.realtime.monitor.MonitorSample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in system alerts (issue 13 §4), without clock or I/O: judged on the system monitor's samples and on
 * the integration syncs, moved through the same state machine as the rules ({@link AlertEvaluator}: {@code for},
 * cooldown, firing → resolved), and turned into what to notify. Not thread-safe: one caller at a time (the bean
 * serialises the monitor's ticks and the syncs). States live in memory: after a restart a condition that still
 * holds fires again, which for a system condition is news (the restart did not cure it).
 */
public final class SystemAlertRules {

    /** The kinds, also the notices' ids' prefix. */
    public static final String BUFFER = "ingest_buffer";
    public static final String FLUSH = "flush_latency";
    public static final String DATABASE = "database_down";
    public static final String HEAP = "heap";
    public static final String FEED = "cluster_feed";
    public static final String SYNC = "integration_sync";
    /** Conditions every instance sees itself: telling the other instances would notify each admin N times. */
    static final Set<String> SEEN_BY_EVERY_INSTANCE = Set.of(DATABASE, FEED);

    /**
     * @param forDuration  how long a sampled condition must hold before it fires
     * @param syncFailures how many syncs of an integration must fail in a row
     */
    public record Settings(double bufferPercent, double flushLatencyMs, double heapPercent, Duration forDuration,
                           Duration cooldown, int syncFailures) {
    }

    /**
     * A firing or resolution to notify.
     *
     * @param workspaceId the workspace whose admins are told, or null for every workspace's
     * @param local       whether only this instance's dashboards are told (see {@link #SEEN_BY_EVERY_INSTANCE})
     */
    public record Notice(String kind, String workspaceId, boolean fired, String title, String message,
                         String severity, String actionUrl, boolean local) {
    }

    /**
     * Where one system alert stands, for the alerts page.
     *
     * @param value the last value judged (a percent, milliseconds, 1 for down, failures in a row), null before any
     */
    public record Status(String kind, String title, AlertState.Phase phase, Instant since, Double value) {
    }

    private static final List<String> SAMPLED = List.of(BUFFER, FLUSH, DATABASE, HEAP, FEED);

    private final Settings settings;
    private final String instance;
    private final Map<String, AlertRule> rules = new HashMap<>();
    private final Map<String, AlertState> states = new HashMap<>();
    private final Map<String, Integer> failuresInARow = new HashMap<>();

    /** @param instance this instance's name, for the messages of conditions of one instance */
    public SystemAlertRules(Settings settings, String instance) {
        this.settings = settings;
        this.instance = instance;
        rule(BUFFER, "Ingest buffer above " + Numbers.plain(settings.bufferPercent()) + " %", settings.bufferPercent(),
                "warning", settings.forDuration());
        rule(FLUSH, "Flush latency above " + Numbers.plain(settings.flushLatencyMs()) + " ms",
                settings.flushLatencyMs(), "warning", settings.forDuration());
        rule(DATABASE, "Database down", 0.5, "error", settings.forDuration());
        rule(HEAP, "Heap above " + Numbers.plain(settings.heapPercent()) + " %", settings.heapPercent(), "warning",
                settings.forDuration());
        rule(FEED, "Cluster feed disconnected", 0.5, "error", settings.forDuration());
        rule(SYNC, "Integration sync failing", settings.syncFailures() - 0.5, "warning", Duration.ZERO);
    }

    private void rule(String kind, String title, double threshold, String severity, Duration forDuration) {
        rules.put(kind, new AlertRule(title, new AlertRule.MetricRef("system", kind, null, null), Duration.ZERO,
                new Condition.Threshold("above", threshold), forDuration, Duration.ZERO, settings.cooldown(), false,
                severity, null, List.of(), Set.of()));
    }

    /** The sampled alerts, then the failing or once failing integrations of the workspace. */
    public List<Status> statuses(String workspaceId) {
        List<Status> out = new ArrayList<>();
        for (String kind : SAMPLED) {
            out.add(status(kind, kind, ""));
        }
        String prefix = SYNC + ":" + workspaceId + ":";
        states.keySet().stream().filter(k -> k.startsWith(prefix)).sorted()
                .forEach(k -> out.add(status(SYNC, k, " (integration " + k.substring(prefix.length()) + ")")));
        return out;
    }

    private Status status(String kind, String key, String suffix) {
        AlertState s = states.get(key);
        return new Status(kind, rules.get(kind).name() + suffix, s == null ? AlertState.Phase.NORMAL : s.phase(),
                s == null ? null : s.since(), s == null ? null : s.value());
    }

    /** What one sample of the monitor fires or resolves. */
    public List<Notice> onSample(MonitorSample s, Instant now) {
        List<Notice> out = new ArrayList<>();
        MonitorSample.Ingest in = s.ingest();
        if (in != null && in.bufferCapacity() > 0) {
            double percent = 100.0 * in.bufferSize() / in.bufferCapacity();
            judge(BUFFER, BUFFER, null, percent, now, "The ingest buffer of " + instance + " is "
                    + Numbers.plain(Math.round(percent)) + " % full (" + in.bufferSize() + " of " + in.bufferCapacity()
                    + " events)", "/#/system").ifPresent(out::add);
        }
        if (in != null) {
            judge(FLUSH, FLUSH, null, in.flushLatencyMs(), now, "The last flush of " + instance + " took "
                    + Numbers.plain(in.flushLatencyMs()) + " ms", "/#/system").ifPresent(out::add);
        }
        boolean dbDown = "down".equals(status(s, "database"));
        judge(DATABASE, DATABASE, null, dbDown ? 1 : 0, now, dbDown ? "The database does not answer "
                + instance + "'s probe" : "The database answers " + instance + " again", "/#/system")
                .ifPresent(out::add);
        MonitorSample.Memory m = s.memory();
        if (m != null && m.heapMaxMb() > 0) {
            double percent = 100.0 * m.heapUsedMb() / m.heapMaxMb();
            judge(HEAP, HEAP, null, percent, now, "The heap of " + instance + " is at "
                    + Numbers.plain(Math.round(percent)) + " % of its maximum (" + m.heapUsedMb() + " of "
                    + m.heapMaxMb() + " MB)", "/#/system").ifPresent(out::add);
        }
        boolean feedDown = "down".equals(status(s, "cluster_feed"));
        judge(FEED, FEED, null, feedDown ? 1 : 0, now, feedDown ? instance + " is not listening on the cluster feed:"
                + " other instances' events and notifications do not reach its dashboards"
                : instance + " listens on the cluster feed again", "/#/system").ifPresent(out::add);
        return out;
    }

    /** What a sync that ended fires or resolves, for the integration's workspace's admins. */
    public Optional<Notice> onSync(IntegrationSynced sync, Instant now) {
        String key = SYNC + ":" + sync.workspaceId() + ":" + sync.integrationId();
        int failures = sync.succeeded() ? 0 : failuresInARow.merge(key, 1, Integer::sum);
        if (sync.succeeded()) {
            failuresInARow.remove(key);
        }
        String message = sync.succeeded() ? "Integration " + sync.integrationId() + " synced again"
                : "Integration " + sync.integrationId() + ": " + failures + " sync" + (failures == 1 ? "" : "s")
                + " failed in a row, the last: " + sync.error();
        return judge(SYNC, key, sync.workspaceId(), failures, now, message, "/#/integrations");
    }

    private Optional<Notice> judge(String kind, String key, String workspaceId, double value, Instant now,
                                   String what, String actionUrl) {
        AlertRule rule = rules.get(kind);
        AlertState before = states.getOrDefault(key, AlertState.normal(now));
        AlertEvaluator.Step step = AlertEvaluator.next(rule, before, Optional.of(Observation.of(value)), now);
        states.put(key, step.state());
        return step.transition().map(t -> {
            boolean fired = t == AlertEvaluator.Transition.FIRED;
            String threshold = kind.equals(SYNC) || kind.equals(DATABASE) || kind.equals(FEED) ? ""
                    : ", above " + Numbers.plain(((Condition.Threshold) rule.condition()).threshold())
                    + (kind.equals(FLUSH) ? " ms" : " %");
            return new Notice(kind, workspaceId, fired, (fired ? "System: " : "Resolved: ") + rule.name(),
                    what + (fired ? threshold : ""), fired ? rule.severity() : "success", actionUrl,
                    SEEN_BY_EVERY_INSTANCE.contains(kind));
        });
    }

    private static Object status(MonitorSample s, String component) {
        return s.components() != null && s.components().get(component) instanceof Map<?, ?> c ? c.get("status") : null;
    }
}
