package com.acme.analytics.metrics;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** Events, their value and the sums of their numeric tracked properties: what adds up across seconds. */
final class Tally {

    long events;
    long valueMicros;
    /** Per tracked property: the sum of its numeric values and how many events carried one. */
    final Map<String, BigDecimal> propertySums = new HashMap<>();
    final Map<String, Long> propertyCounts = new HashMap<>();

    void add(long valueMicros, Map<String, BigDecimal> properties) {
        events++;
        this.valueMicros = Math.addExact(this.valueMicros, valueMicros);
        properties.forEach((name, v) -> {
            propertySums.merge(name, v, BigDecimal::add);
            propertyCounts.merge(name, 1L, Long::sum);
        });
    }

    void add(Tally other) {
        events += other.events;
        valueMicros = Math.addExact(valueMicros, other.valueMicros);
        other.propertySums.forEach((name, v) -> propertySums.merge(name, v, BigDecimal::add));
        other.propertyCounts.forEach((name, n) -> propertyCounts.merge(name, n, Long::sum));
    }

    /** Takes out what {@code other} added: exact, as every figure is a whole number or a decimal. */
    void subtract(Tally other) {
        events -= other.events;
        valueMicros = Math.subtractExact(valueMicros, other.valueMicros);
        other.propertySums.forEach((name, v) -> propertySums.merge(name, v.negate(), BigDecimal::add));
        other.propertyCounts.forEach((name, n) -> {
            if (propertyCounts.merge(name, -n, Long::sum) == 0) {
                propertyCounts.remove(name);
                propertySums.remove(name);
            }
        });
    }
}
