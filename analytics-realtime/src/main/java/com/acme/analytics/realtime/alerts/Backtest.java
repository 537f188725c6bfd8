package com.acme.analytics.realtime.alerts;

import com.acme.analytics.domain.metrics.Metric;
import com.acme.analytics.domain.metrics.MetricView;
import com.acme.analytics.domain.metrics.MetricWindow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule replayed over stored minutes, without I/O: at every minute of the period the value over the window ending
 * there (from per-minute sums of its base entries), then the same state machine the live loop runs, so the preview
 * fires when the rule would have. Only counts, sums and what is derived from them add up across minutes; a rule on
 * anything else cannot be previewed (see {@link #previewable}).
 */
public final class Backtest {

    public static final Duration STEP = Duration.ofMinutes(1);
    /** The most minutes read before the period for comparison windows: a week and a day. */
    public static final int MAX_LOOKBACK_MINUTES = 8 * 1440;

    /** A transition the rule would have made. */
    public record Transition(String group, String kind, Instant at, Double value) {
    }

    /** @param series per group, the value at the end of each step of the period, oldest first */
    public record Result(Instant from, Instant to, Map<String, double[]> series, List<Transition> transitions) {
    }

    private final AlertRule rule;
    private final MetricView view;
    private final int windowMinutes;

    public Backtest(AlertRule rule, MetricView view) {
        this.rule = rule;
        this.view = view;
        this.windowMinutes = (int) rule.window().toMinutes();
    }

    /** Why the rule cannot be previewed, or null when it can. */
    public static String previewable(AlertRule rule, MetricView view) {
        if (rule.window().toSeconds() % 60 != 0) {
            return "a preview steps by whole minutes: the window must be 1m or more, in whole minutes";
        }
        for (MetricView.Entry e : view.baseEntries()) {
            if (!(e.metric() instanceof Metric.Count || e.metric() instanceof Metric.Sum) || e.window() != null) {
                return "a preview adds up stored minutes: counts, sums and their ratios only, not " + e.name();
            }
        }
        return null;
    }

    /** How many minutes before the period the conditions look at. */
    public int lookbackMinutes() {
        int w = windowMinutes;
        int back;
        if (rule.condition() instanceof Condition.Change c) {
            back = c.compareTo().equals("previous_window") ? 2 * w : 7 * 1440 + w;
        } else if (rule.condition() instanceof Condition.Anomaly a) {
            back = (a.history() + 1) * w;
        } else {
            back = w;
        }
        return Math.min(back, MAX_LOOKBACK_MINUTES);
    }

    /**
     * @param minutes per group, per base entry (in {@link MetricView#baseEntries()} order), the sum of each minute
     *                from {@code to - steps - lookbackMinutes()} on
     * @param steps   the minutes of the period, which ends at {@code to}
     */
    public Result run(Map<String, long[][]> minutes, Instant to, int steps) {
        int offset = lookbackMinutes();
        Map<String, long[][]> prefix = new LinkedHashMap<>();
        minutes.forEach((g, perEntry) -> prefix.put(g, prefixSums(perEntry)));
        Map<String, double[]> series = new LinkedHashMap<>();
        prefix.keySet().forEach(g -> series.put(g, new double[steps]));
        if (rule.groupBy() == null) {
            series.putIfAbsent(AlertReadings.UNGROUPED, new double[steps]);
        }
        Map<String, AlertState> states = new HashMap<>();
        List<Transition> transitions = new ArrayList<>();
        Instant from = to.minus(STEP.multipliedBy(steps));
        for (int k = 1; k <= steps; k++) {
            int end = offset + k;
            Instant at = from.plus(STEP.multipliedBy(k));
            Map<String, Observation> observed = new LinkedHashMap<>();
            for (String g : series.keySet()) {
                long[][] p = prefix.get(g);
                Double value = valueAt(p, end, at);
                double v = value == null ? 0 : value;
                series.get(g)[k - 1] = v;
                observed.put(g, new Observation(v, comparison(p, end, at), history(p, end, at)));
            }
            RuleStep.Outcome outcome = RuleStep.next(rule, states, observed, at);
            states.putAll(outcome.stored());
            for (RuleStep.Change c : outcome.changes()) {
                transitions.add(new Transition(c.group(), c.transition() == AlertEvaluator.Transition.FIRED
                        ? "fired" : "resolved", at, c.observed() == null ? null : c.observed().value()));
            }
        }
        return new Result(from, to, series, transitions);
    }

    private Double comparison(long[][] p, int end, Instant at) {
        if (!(rule.condition() instanceof Condition.Change c)) {
            return null;
        }
        int back = c.compareTo().equals("previous_window") ? windowMinutes : 7 * 1440;
        return valueAt(p, end - back, at.minus(STEP.multipliedBy(back)));
    }

    private List<Double> history(long[][] p, int end, Instant at) {
        if (!(rule.condition() instanceof Condition.Anomaly a)) {
            return List.of();
        }
        List<Double> past = new ArrayList<>();
        for (int i = a.history(); i >= 1; i--) {
            Double v = valueAt(p, end - i * windowMinutes, at.minus(STEP.multipliedBy((long) i * windowMinutes)));
            if (v != null) {
                past.add(v);
            }
        }
        return past;
    }

    /** The field over the window of minutes ending before {@code end}; null when it starts before the data. */
    private Double valueAt(long[][] p, int end, Instant at) {
        int start = end - windowMinutes;
        if (start < 0) {
            return null;
        }
        Map<String, Number> base = new HashMap<>();
        List<MetricView.Entry> entries = view.baseEntries();
        for (int e = 0; e < entries.size(); e++) {
            base.put(entries.get(e).name(), p == null ? 0L : p[e][end] - p[e][start]);
        }
        MetricWindow.Trailing w = new MetricWindow.Trailing(rule.window());
        return view.inCurrencyUnits(view.derive(base, w, at)).get(rule.metric().field()).doubleValue();
    }

    private static long[][] prefixSums(long[][] perEntry) {
        long[][] p = new long[perEntry.length][];
        for (int e = 0; e < perEntry.length; e++) {
            p[e] = new long[perEntry[e].length + 1];
            for (int i = 0; i < perEntry[e].length; i++) {
                p[e][i + 1] = p[e][i] + perEntry[e][i];
            }
        }
        return p;
    }
}
