package com.acme.analytics.realtime.alerts;

import com.acme.analytics.domain.metrics.Metric;
import com.acme.analytics.domain.metrics.MetricView;
import com.acme.analytics.domain.metrics.MetricWindow;
import com.acme.analytics.metrics.MetricEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a rule observes at an instant, per group: its field over the trailing window, read through the
 * {@link MetricEngine} (the live windows in memory when they hold the window, else the rollups and raw events in
 * PostgreSQL), and what change and anomaly conditions compare it with. Only the field and the entries it is derived
 * from are computed, not the whole view. The comparison windows lie in the past and change slowly, so they are read
 * at most once every {@code analytics.alerts.baseline-refresh-seconds} per rule.
 */
@ApplicationScoped
public class AlertReadings {

    static final String UNGROUPED = "";
    private static final Duration WEEK = Duration.ofDays(7);

    /** The comparison values of one rule, and until when they hold. */
    private record Baseline(Instant until, Map<String, Double> comparison, Map<String, List<Double>> history) {
    }

    private final Map<String, Baseline> baselines = new ConcurrentHashMap<>();

    @Inject
    MetricEngine engine;
    @Inject
    @ConfigProperty(name = "analytics.alerts.baseline-refresh-seconds")
    long baselineRefreshSeconds;

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
        if (cached != null && now.isBefore(cached.until())) {
            return cached;
        }
        Duration w = rule.window();
        Map<String, Double> comparison = Map.of();
        Map<String, List<Double>> history = new LinkedHashMap<>();
        if (rule.condition() instanceof Condition.Change change) {
            Instant end = change.compareTo().equals("previous_window") ? now.minus(w) : now.minus(WEEK);
            comparison = values(view, workspaceId, rule, new MetricWindow.Range(end.minus(w), end), now);
        } else if (rule.condition() instanceof Condition.Anomaly anomaly) {
            for (int i = anomaly.history(); i >= 1; i--) {
                Instant end = now.minus(w.multipliedBy(i));
                Map<String, Double> past = values(view, workspaceId, rule, new MetricWindow.Range(end.minus(w), end),
                        now);
                past.forEach((group, v) -> history.computeIfAbsent(group, g -> new ArrayList<>()).add(v));
            }
        }
        Baseline fresh = new Baseline(now.plusSeconds(baselineRefreshSeconds), comparison, history);
        baselines.put(ruleId, fresh);
        return fresh;
    }

    /** The field's value per group over the window; an ungrouped rule always has its one value (zero included). */
    private Map<String, Double> values(MetricView view, String workspaceId, AlertRule rule, MetricWindow window,
                                       Instant now) throws SQLException {
        AlertRule.MetricRef m = rule.metric();
        MetricEngine.GroupBy groupBy = rule.groupBy() != null ? MetricEngine.GroupBy.CAMPAIGN
                : m.eventType() != null ? MetricEngine.GroupBy.EVENT_TYPE : MetricEngine.GroupBy.NONE;
        List<MetricEngine.Row> rows = engine.evaluate(view, new MetricEngine.Scope(workspaceId, m.campaignId(), groupBy),
                window, now);
        Map<String, Double> out = new LinkedHashMap<>();
        for (MetricEngine.Row row : rows) {
            Number v = view.inCurrencyUnits(row.values()).get(m.field());
            if (groupBy == MetricEngine.GroupBy.CAMPAIGN && row.key() != null) {
                out.put(row.key(), v.doubleValue());
            } else if (groupBy == MetricEngine.GroupBy.EVENT_TYPE && m.eventType().equals(row.key())) {
                out.put(UNGROUPED, v.doubleValue());
            } else if (groupBy == MetricEngine.GroupBy.NONE) {
                out.put(UNGROUPED, v.doubleValue());
            }
        }
        if (groupBy == MetricEngine.GroupBy.EVENT_TYPE) {
            out.putIfAbsent(UNGROUPED, 0.0);
        }
        return out;
    }

    /** The rule's field and the entries it is derived from, in the view's order: nothing else is computed. */
    static MetricView viewOf(AlertRule.MetricRef m) {
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
