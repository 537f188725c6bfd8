package com.acme.analytics.domain.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A named set of metrics, each over the window the caller gives or over a window of its own: the campaign
 * metrics, the dashboard summary and the workspace stats are views, not separate code paths. Derived metrics name
 * metrics defined before them.
 *
 * @param name    for logs and errors
 * @param entries in order; names unique
 */
public record MetricView(String name, List<Entry> entries) {

    /**
     * @param window the metric's own window, or null for the window the view is asked for
     */
    public record Entry(String name, Metric metric, MetricWindow window) {
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(metric, "metric");
        }
    }

    public MetricView {
        entries = List.copyOf(entries);
        Set<String> defined = new HashSet<>();
        for (Entry e : entries) {
            for (String ref : references(e.metric())) {
                if (!defined.contains(ref)) {
                    throw new IllegalArgumentException(name + "." + e.name() + " refers to '" + ref
                            + "', which is not defined before it");
                }
            }
            if (!defined.add(e.name())) {
                throw new IllegalArgumentException(name + " defines '" + e.name() + "' twice");
            }
        }
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    /** The entries read from the events. */
    public List<Entry> baseEntries() {
        return entries.stream().filter(e -> e.metric().isBase()).toList();
    }

    /** The window an entry covers when the view is asked for {@code window}. */
    public MetricWindow windowOf(Entry entry, MetricWindow window) {
        return entry.window() != null ? entry.window() : window;
    }

    /**
     * Completes the base values with the derived metrics.
     *
     * @param base   each base entry's value (counts and sums as {@code long}, means as {@code double})
     * @param window the window the view was asked for
     * @param now    the instant the base values were read at
     * @return every entry's value, in the view's order
     */
    public Map<String, Number> derive(Map<String, Number> base, MetricWindow window, Instant now) {
        Map<String, Number> values = new LinkedHashMap<>();
        for (Entry e : entries) {
            Number v;
            if (e.metric() instanceof Metric.Quotient q) {
                v = quotient(values.get(q.numerator()), values.get(q.denominator()), q.scale());
            } else if (e.metric() instanceof Metric.Difference d) {
                v = Math.max(0, values.get(d.minuend()).longValue() - values.get(d.subtrahend()).longValue());
            } else if (e.metric() instanceof Metric.MovingAverage m) {
                v = perBucket(values.get(m.metric()), windowOf(e, window).at(now).length().toMillis(),
                        m.bucket().toMillis());
            } else {
                v = Objects.requireNonNull(base.get(e.name()), () -> "no value for " + e.name());
            }
            values.put(e.name(), v);
        }
        return values;
    }

    /**
     * The values of {@link #derive} as clients read them: every sum of {@code value} in currency units rounded to
     * cents, like the amounts per item beside it (kept in millionths until now so that quotients are exact); counts,
     * means and rates unchanged.
     *
     * @return a new map, in the same order
     */
    public Map<String, Number> inCurrencyUnits(Map<String, Number> values) {
        Map<String, Number> out = new LinkedHashMap<>(values);
        for (Entry e : entries) {
            if (e.metric() instanceof Metric.Sum && out.get(e.name()) != null) {
                out.put(e.name(), new Money(out.get(e.name()).longValue()).units());
            }
        }
        return out;
    }

    private static double quotient(Number numerator, Number denominator, Metric.Quotient.Scale scale) {
        return switch (scale) {
            case PERCENT -> new Ratio(numerator.longValue(), denominator.longValue()).percent();
            case AMOUNT_PER_ITEM -> new Money(numerator.longValue()).per(denominator.longValue());
        };
    }

    private static double perBucket(Number value, long windowMillis, long bucketMillis) {
        double buckets = Math.max(1.0, (double) windowMillis / bucketMillis);
        return BigDecimal.valueOf(value.doubleValue() / buckets).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    private static List<String> references(Metric m) {
        if (m instanceof Metric.Quotient q) {
            return List.of(q.numerator(), q.denominator());
        }
        if (m instanceof Metric.Difference d) {
            return List.of(d.minuend(), d.subtrahend());
        }
        if (m instanceof Metric.MovingAverage a) {
            return List.of(a.metric());
        }
        return List.of();
    }

    /** Builds a view entry by entry. */
    public static final class Builder {
        private final String name;
        private final List<Entry> entries = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder add(String entry, Metric metric) {
            entries.add(new Entry(entry, metric, null));
            return this;
        }

        public Builder add(String entry, Metric metric, MetricWindow window) {
            entries.add(new Entry(entry, metric, window));
            return this;
        }

        public MetricView build() {
            return new MetricView(name, entries);
        }
    }
}
