package com.acme.analytics.domain.integrations;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A derived figure of an integration's {@code analytics_update}, named by its key in {@code transformations}:
 * {@code moving_average(5m)} averages the metric of the same name over the window (spanning syncs, read from the
 * stored points), {@code moving_average(metric, 5m)} names another metric; {@code percentage(a/b)} is
 * {@code 100 * a / b} of two metrics of the same sync.
 */
public sealed interface Transformation {

    /** The functions a transformation may call. */
    String KNOWN = "moving_average, percentage";

    record MovingAverage(String metric, Duration window) implements Transformation {
    }

    record Percentage(String numerator, String denominator) implements Transformation {
    }

    Pattern CALL = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\((.*)\\)\\s*");
    Pattern METRIC = Pattern.compile("[A-Za-z0-9_.$:-]+");

    /**
     * @param name       the transformation's key, the metric a one-argument moving average reads
     * @param expression such as {@code percentage(a/b)}
     * @throws IllegalArgumentException with the message a user reads: an unknown function or a malformed call
     */
    static Transformation parse(String name, String expression) {
        Matcher call = expression == null ? null : CALL.matcher(expression);
        if (call == null || !call.matches()) {
            throw new IllegalArgumentException("malformed expression '" + expression
                    + "': expected moving_average(5m) or percentage(a/b)");
        }
        String args = call.group(2).strip();
        return switch (call.group(1)) {
            case "moving_average" -> movingAverage(name, expression, args);
            case "percentage" -> percentage(expression, args);
            default -> throw new IllegalArgumentException("unknown function '" + call.group(1) + "'; known: " + KNOWN);
        };
    }

    private static Transformation movingAverage(String name, String expression, String args) {
        String[] parts = args.split(",", -1);
        String metric = parts.length == 2 ? parts[0].strip() : name;
        Optional<SyncFrequency> window = parts.length <= 2
                ? SyncFrequency.parse(parts[parts.length - 1].strip()) : Optional.empty();
        if (window.isEmpty() || !METRIC.matcher(metric).matches()) {
            throw new IllegalArgumentException("malformed expression '" + expression
                    + "': expected moving_average(<n>s|m|h) or moving_average(metric, <n>s|m|h)");
        }
        return new MovingAverage(metric, window.get().every());
    }

    private static Transformation percentage(String expression, String args) {
        String[] parts = args.split("/", -1);
        if (parts.length != 2 || !METRIC.matcher(parts[0].strip()).matches()
                || !METRIC.matcher(parts[1].strip()).matches()) {
            throw new IllegalArgumentException("malformed expression '" + expression
                    + "': expected percentage(numerator/denominator) of two metric names");
        }
        return new Percentage(parts[0].strip(), parts[1].strip());
    }
}
