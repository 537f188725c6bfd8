package com.acme.analytics.realtime.alerts;

import java.util.List;

/**
 * A metric's value over the rule's window at one instant, with what change and anomaly rules compare it with.
 *
 * @param value      the field's value over the current window
 * @param comparison the value over the comparison window (previous window, or same window a week before), or null
 * @param history    the values of the windows before, oldest first (anomaly rules), possibly empty
 */
public record Observation(double value, Double comparison, List<Double> history) {

    public Observation {
        history = List.copyOf(history);
    }

    public static Observation of(double value) {
        return new Observation(value, null, List.of());
    }
}
