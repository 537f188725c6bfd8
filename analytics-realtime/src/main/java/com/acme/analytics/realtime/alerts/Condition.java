package com.acme.analytics.realtime.alerts;

import java.util.List;

/** What makes a rule's metric breach: a threshold, a change against a comparison window, or an anomaly. */
public sealed interface Condition {

    /** Whether the observation breaches; false when it lacks what this kind compares with. */
    boolean breached(Observation o);

    /** How the value stands against the condition, for a message: "above 400", "up 60 % (was 250)". */
    String describe(Observation o);

    /** The threshold recorded in the history: the threshold, the percent or the z-score. */
    double threshold();

    record Threshold(String kind, double threshold) implements Condition {
        @Override
        public boolean breached(Observation o) {
            return kind.equals("above") ? o.value() > threshold : o.value() < threshold;
        }

        @Override
        public String describe(Observation o) {
            return kind + " " + Numbers.plain(threshold);
        }
    }

    /** {@code compareTo} is {@code previous_window} or {@code same_window_last_week}. */
    record Change(String kind, double percent, String compareTo) implements Condition {
        @Override
        public boolean breached(Observation o) {
            Double base = o.comparison();
            if (base == null || base <= 0) {
                return false;
            }
            double change = 100.0 * (o.value() - base) / base;
            return kind.equals("increase") ? change >= percent : -change >= percent;
        }

        @Override
        public String describe(Observation o) {
            return (kind.equals("increase") ? "up " : "down ") + "at least " + Numbers.plain(percent) + " % on "
                    + (o.comparison() == null ? "no data" : Numbers.plain(o.comparison()))
                    + (compareTo.equals("previous_window") ? " in the previous window" : " a week before");
        }

        @Override
        public double threshold() {
            return percent;
        }
    }

    /** Breached when the value is at least {@code zScore} standard deviations off the mean of the last windows. */
    record Anomaly(double zScore, int history) implements Condition {
        static final int MIN_SAMPLES = 3;

        @Override
        public boolean breached(Observation o) {
            List<Double> past = o.history();
            if (past.size() < MIN_SAMPLES) {
                return false;
            }
            // Loops, not streams: every anomaly rule judges its history every second.
            double sum = 0;
            for (double v : past) {
                sum += v;
            }
            double mean = sum / past.size();
            double squares = 0;
            for (double v : past) {
                squares += (v - mean) * (v - mean);
            }
            double sd = Math.sqrt(squares / past.size());
            return sd == 0 ? o.value() != mean : Math.abs(o.value() - mean) / sd >= zScore;
        }

        @Override
        public String describe(Observation o) {
            return Numbers.plain(zScore) + " standard deviations off the last " + o.history().size() + " windows";
        }

        @Override
        public double threshold() {
            return zScore;
        }
    }
}
