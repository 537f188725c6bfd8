package com.acme.analytics.realtime.alerts;

import com.acme.analytics.domain.metrics.Metric;
import com.acme.analytics.domain.metrics.MetricView;
import com.acme.analytics.domain.metrics.MetricWindow;
import com.acme.analytics.metrics.MetricEngine;
import com.acme.analytics.domain.logging.ThrottledLog;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a rule observes at an instant, per group: its field over the trailing window, read through the
 * {@link MetricEngine} (the live windows in memory when they hold the window, else the rollups and raw events in
 * PostgreSQL), and what change and anomaly conditions compare it with. Only the field and the entries it is derived
 * from are computed, not the whole view. The comparison windows lie in the past and change slowly, so they are read
 * at most once every {@code analytics.alerts.baseline-refresh-seconds} per rule, and off the evaluation's clock: a
 * rule's first comparison is read when it is first observed, later ones by one refreshing thread while the
 * evaluation goes on with the last (two thirds of the bench's rules refreshing every 30 s cost the ticks database
 * reads of seconds under load, and every rule of the tick waited for them).
 *
 * <p>Dependent: the {@link AlertEvaluation} is its one user, and holds the instance itself rather than a client proxy
 * looked up twice per rule every second.
 */
@Dependent
public class AlertReadings {

    static final String UNGROUPED = "";
    private static final Duration WEEK = Duration.ofDays(7);

    private static final Logger LOG = Logger.getLogger(AlertReadings.class.getName());

    /** The comparison values of one version of a rule, and until when they hold. */
    private record Baseline(AlertRule rule, Instant until, Map<String, Double> comparison,
                            Map<String, List<Double>> history) {
        Baseline retryAt(Instant at) {
            return new Baseline(rule, at, comparison, history);
        }
    }

    private final Map<String, Baseline> baselines = new ConcurrentHashMap<>();
    /** The views of the fields asked, by metric (a few hundred at most), made once. */
    private static final Map<AlertRule.MetricRef, MetricView> VIEWS = new ConcurrentHashMap<>();

    private final ThrottledLog failures = new ThrottledLog(LOG, 60_000);
    private ThreadPoolExecutor pool;
    BaselineRefresher refresher;

    @Resource
    ManagedThreadFactory threads;
    @Inject
    MetricEngine engine;
    @Inject
    @ConfigProperty(name = "analytics.alerts.baseline-refresh-seconds")
    long baselineRefreshSeconds;

    @PostConstruct
    void start() {
        pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), threads);
        refresher = new BaselineRefresher(pool);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /** The CPU time spent reading comparison windows off the evaluation's thread, in nanoseconds. */
    long refreshCpuNanos() {
        return refresher.cpuNanos();
    }

    /**
     * @param ruleId  caches the rule's comparison values
     * @param known   groups that have a state already: observed even when beyond the first {@link
     *                AlertRule#MAX_GROUPS} (so a firing group can resolve)
     * @return the observation of each group that had data ({@link #UNGROUPED} for an ungrouped rule)
     */
    public Map<String, Observation> observe(String ruleId, String workspaceId, AlertRule rule, Set<String> known,
                                            Instant now) throws SQLException {
        MetricView view = viewOf(rule.metric());
        Map<String, Double> current = values(view, workspaceId, rule, new MetricWindow.Trailing(rule.window()), now);
        Map<String, Double> groups = new LinkedHashMap<>();
        current.forEach((group, value) -> {
            if (groups.size() < AlertRule.MAX_GROUPS || known.contains(group)) {
                groups.put(group, value);
            }
        });
        Baseline baseline = baseline(ruleId, view, workspaceId, rule, now);
        Map<String, Observation> out = new LinkedHashMap<>();
        groups.forEach((group, value) -> out.put(group, new Observation(value, baseline.comparison().get(group),
                baseline.history().getOrDefault(group, List.of()))));
        return out;
    }

    /** Whether the live windows answer the rule's current window now (else it is read from PostgreSQL). */
    public boolean fromMemory(AlertRule rule, Instant now) {
        return engine.inMemory(viewOf(rule.metric()), new MetricWindow.Trailing(rule.window()), now);
    }

    /** Forgets a rule's comparison values (after it changed). */
    public void forget(String ruleId) {
        baselines.remove(ruleId);
    }

    /** Forgets the comparison values of the rules not held any more (deleted, or evaluated elsewhere). */
    public void retain(Set<String> ruleIds) {
        baselines.keySet().retainAll(ruleIds);
    }

    private Baseline baseline(String ruleId, MetricView view, String workspaceId, AlertRule rule, Instant now)
            throws SQLException {
        Baseline cached = baselines.get(ruleId);
        if (cached == null || cached.rule() != rule && !cached.rule().equals(rule)) {
            return read(ruleId, view, workspaceId, rule, now);
        }
        if (!now.isBefore(cached.until())) {
            refresher.refresh(ruleId, () -> refresh(ruleId, view, workspaceId, rule, now));
        }
        return baselines.getOrDefault(ruleId, cached);
    }

    private void refresh(String ruleId, MetricView view, String workspaceId, AlertRule rule, Instant now) {
        try {
            read(ruleId, view, workspaceId, rule, now);
        } catch (SQLException | RuntimeException e) {
            // The last comparison stands; tried again after another period, not at every tick.
            baselines.computeIfPresent(ruleId, (id, b) -> b.retryAt(now.plusSeconds(baselineRefreshSeconds)));
            failures.log(Level.WARNING, "Comparison windows of alert rule " + ruleId + " not read; the last ones"
                    + " stand", e);
        }
    }

    private Baseline read(String ruleId, MetricView view, String workspaceId, AlertRule rule, Instant now)
            throws SQLException {
        Duration w = rule.window();
        // A window of whole minutes is compared with windows that end at a whole minute: the per-minute rollups
        // answer them without a raw event (at most a minute earlier than the exact ones, which refreshing every
        // so many seconds makes them anyway).
        boolean wholeMinutes = w.toSeconds() % 60 == 0;
        Instant end = wholeMinutes ? now.truncatedTo(ChronoUnit.MINUTES) : now;
        Map<String, Double> comparison = Map.of();
        Map<String, List<Double>> history = Map.of();
        if (rule.condition() instanceof Condition.Change change) {
            Instant to = change.compareTo().equals("previous_window") ? end.minus(w) : end.minus(WEEK);
            comparison = values(view, workspaceId, rule, new MetricWindow.Range(to.minus(w), to), now);
        } else if (rule.condition() instanceof Condition.Anomaly anomaly) {
            history = history(view, workspaceId, rule, end, anomaly.history(), now);
        }
        // Spread over the refresh period, so that rules read together at a start do not all refresh in one tick.
        long refreshMs = baselineRefreshSeconds * 1000;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Instant until = now.plusMillis(refreshMs * 3 / 4 + random.nextLong(refreshMs / 2 + 1));
        if (wholeMinutes) {
            // Windows ending at a whole minute change when the next one ends: read again after it (spread over a
            // third of it), not twice a minute for the same figures.
            Instant next = end.plus(Duration.ofMinutes(1)).plusMillis(random.nextLong(20_000));
            until = until.isAfter(next) ? until : next;
        }
        Baseline fresh = new Baseline(rule, until, comparison, history);
        // A refresh of a version replaced meanwhile is dropped: the new version reads its own.
        baselines.compute(ruleId, (id, b) -> b == null || b.rule().equals(rule) ? fresh : b);
        return fresh;
    }

    /**
     * The field per group over the {@code windows} windows of the rule's length before the one ending at {@code end},
     * oldest first, in one evaluation: each base entry is asked once per window (named {@code entry@i}), so the
     * engine reads them all with one query per source instead of one evaluation per window.
     */
    private Map<String, List<Double>> history(MetricView view, String workspaceId, AlertRule rule, Instant end,
                                              int windows, Instant now) throws SQLException {
        Duration w = rule.window();
        List<MetricWindow.Range> ranges = new ArrayList<>(windows);
        MetricView.Builder asked = MetricView.named(view.name() + ".history");
        for (int i = windows; i >= 1; i--) {
            Instant to = end.minus(w.multipliedBy(i));
            MetricWindow.Range range = new MetricWindow.Range(to.minus(w), to);
            for (MetricView.Entry e : view.baseEntries()) {
                asked.add(e.name() + "@" + ranges.size(), e.metric(), e.window() != null ? e.window() : range);
            }
            ranges.add(range);
        }
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (MetricEngine.Row row : engine.evaluate(asked.build(), scope(workspaceId, rule), ranges.get(0), now)) {
            String group = group(rule, row.key());
            if (group == null) {
                continue;
            }
            List<Double> values = new ArrayList<>(windows);
            for (int i = 0; i < ranges.size(); i++) {
                Map<String, Number> base = new LinkedHashMap<>();
                for (MetricView.Entry e : view.baseEntries()) {
                    base.put(e.name(), row.values().get(e.name() + "@" + i));
                }
                values.add(field(view, rule, view.derive(base, ranges.get(i), now)));
            }
            out.put(group, List.copyOf(values));
        }
        if (rule.metric().eventType() != null) {
            out.putIfAbsent(UNGROUPED, List.copyOf(Collections.nCopies(windows, 0.0)));
        }
        return out;
    }

    /** The field's value per group over the window; an ungrouped rule always has its one value (zero included). */
    private Map<String, Double> values(MetricView view, String workspaceId, AlertRule rule, MetricWindow window,
                                       Instant now) throws SQLException {
        Map<String, Double> out = new LinkedHashMap<>();
        for (MetricEngine.Row row : engine.evaluate(view, scope(workspaceId, rule), window, now)) {
            String group = group(rule, row.key());
            if (group != null) {
                out.put(group, field(view, rule, row.values()));
            }
        }
        if (rule.metric().eventType() != null) {
            out.putIfAbsent(UNGROUPED, 0.0);
        }
        return out;
    }

    private static MetricEngine.Scope scope(String workspaceId, AlertRule rule) {
        AlertRule.MetricRef m = rule.metric();
        return new MetricEngine.Scope(workspaceId, m.campaignId(), groupBy(rule));
    }

    private static MetricEngine.GroupBy groupBy(AlertRule rule) {
        return rule.groupBy() != null ? MetricEngine.GroupBy.CAMPAIGN
                : rule.metric().eventType() != null ? MetricEngine.GroupBy.EVENT_TYPE : MetricEngine.GroupBy.NONE;
    }

    /** The rule's group of an engine row, or null when the row is not the rule's (another event type). */
    private static String group(AlertRule rule, String key) {
        return switch (groupBy(rule)) {
            case CAMPAIGN -> key;
            case EVENT_TYPE -> rule.metric().eventType().equals(key) ? UNGROUPED : null;
            case NONE -> UNGROUPED;
        };
    }

    private static double field(MetricView view, AlertRule rule, Map<String, Number> values) {
        return view.inCurrencyUnits(values).get(rule.metric().field()).doubleValue();
    }

    /** The rule's field and the entries it is derived from, in the view's order: nothing else is computed. */
    static MetricView viewOf(AlertRule.MetricRef m) {
        return VIEWS.computeIfAbsent(m, k -> reduced(m));
    }

    private static MetricView reduced(AlertRule.MetricRef m) {
        MetricView full = MetricFields.viewOf(m.view(), m.field()).orElseThrow(() ->
                new IllegalArgumentException("no field " + m.field() + " in view " + m.view()));
        Map<String, MetricView.Entry> byName = new LinkedHashMap<>();
        full.entries().forEach(e -> byName.put(e.name(), e));
        Set<String> needed = new LinkedHashSet<>();
        need(m.field(), byName, needed);
        return new MetricView(full.name() + "." + m.field(),
                full.entries().stream().filter(e -> needed.contains(e.name())).toList());
    }

    private static void need(String name, Map<String, MetricView.Entry> byName, Set<String> needed) {
        if (!needed.add(name)) {
            return;
        }
        Metric metric = byName.get(name).metric();
        if (metric instanceof Metric.Quotient q) {
            need(q.numerator(), byName, needed);
            need(q.denominator(), byName, needed);
        } else if (metric instanceof Metric.Difference d) {
            need(d.minuend(), byName, needed);
            need(d.subtrahend(), byName, needed);
        } else if (metric instanceof Metric.MovingAverage a) {
            need(a.metric(), byName, needed);
        }
    }
}
