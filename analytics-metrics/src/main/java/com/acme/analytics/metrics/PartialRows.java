package com.acme.analytics.metrics;

import com.acme.analytics.domain.metrics.Metric;
import com.acme.analytics.domain.metrics.MetricView;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The values read so far, per group; counts and sums read in parts are added up. */
final class PartialRows {
    private final Map<String, Map<String, Number>> rows = new LinkedHashMap<>();

    PartialRows(MetricEngine.Scope scope) {
        if (scope.groupBy() == MetricEngine.GroupBy.NONE) {
            rows.put(null, new HashMap<>());
        }
    }

    void put(String key, MetricView.Entry entry, Number value) {
        Map<String, Number> row = rows.computeIfAbsent(key, k -> new HashMap<>());
        if (entry.metric() instanceof Metric.Count || entry.metric() instanceof Metric.Sum) {
            row.merge(entry.name(), value.longValue(), (a, b) -> a.longValue() + b.longValue());
        } else {
            row.put(entry.name(), value);
        }
    }

    /** Bounces are kept for the groups the other metrics found, as the raw events alone would have. */
    void putExisting(String key, String name, long value) {
        Map<String, Number> row = rows.get(key);
        if (row != null) {
            row.put(name, value);
        }
    }

    Map<String, Map<String, Number>> rows() {
        return rows;
    }
}
