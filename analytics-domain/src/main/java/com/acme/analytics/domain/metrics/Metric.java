package com.acme.analytics.domain.metrics;

import java.time.Duration;
import java.util.Objects;

/**
 * What a metric measures. The first kinds are read from the events ({@link #isBase()}); the others are derived
 * from metrics of the same {@link MetricView}, by name.
 */
public sealed interface Metric {

    /** Whether the value is read from the events rather than derived from other metrics. */
    default boolean isBase() {
        return true;
    }

    /** Events matching the filter. */
    record Count(EventFilter filter) implements Metric {
        public Count {
            Objects.requireNonNull(filter, "filter");
        }
    }

    /** Distinct subjects among the events matching the filter. */
    record Distinct(Subject subject, EventFilter filter) implements Metric {
        public Distinct {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(filter, "filter");
        }
    }

    /** Sum of the events' {@code value}, in millionths of the currency unit. */
    record Sum(EventFilter filter) implements Metric {
        public Sum {
            Objects.requireNonNull(filter, "filter");
        }
    }

    /** Mean of a numeric metadata property over the events matching the filter that carry it; 0 when none. */
    record Mean(String property, EventFilter filter) implements Metric {
        public Mean {
            Objects.requireNonNull(filter, "filter");
            if (property == null || property.isBlank()) {
                throw new IllegalArgumentException("a mean needs a property");
            }
        }
    }

    /** Sessions that had exactly one event matching the filter in the window (bounces). */
    record SingleEventSessions(EventFilter filter) implements Metric {
        public SingleEventSessions {
            Objects.requireNonNull(filter, "filter");
        }
    }

    /** One metric divided by another, as a percentage or as an amount (money) per item; 0 when dividing by 0. */
    record Quotient(String numerator, String denominator, Scale scale) implements Metric {
        public enum Scale { PERCENT, AMOUNT_PER_ITEM }

        public Quotient {
            Objects.requireNonNull(numerator, "numerator");
            Objects.requireNonNull(denominator, "denominator");
            Objects.requireNonNull(scale, "scale");
        }

        @Override
        public boolean isBase() {
            return false;
        }
    }

    /** One metric minus another, never below 0 (such as tasks started and not finished). */
    record Difference(String minuend, String subtrahend) implements Metric {
        public Difference {
            Objects.requireNonNull(minuend, "minuend");
            Objects.requireNonNull(subtrahend, "subtrahend");
        }

        @Override
        public boolean isBase() {
            return false;
        }
    }

    /** A metric's mean per bucket over its window: the moving average of, say, events per 5 minutes. */
    record MovingAverage(String metric, Duration bucket) implements Metric {
        public MovingAverage {
            Objects.requireNonNull(metric, "metric");
            if (bucket.isNegative() || bucket.isZero()) {
                throw new IllegalArgumentException("a bucket must be positive, got " + bucket);
            }
        }

        @Override
        public boolean isBase() {
            return false;
        }
    }
}
