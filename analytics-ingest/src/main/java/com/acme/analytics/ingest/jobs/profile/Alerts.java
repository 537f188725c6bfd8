package com.acme.analytics.ingest.jobs.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The alerts of a finished pass, ranked: ydata-profiling's default thresholds. */
final class Alerts {

    static final double MISSING_PERCENT = 5;
    static final int HIGH_CARDINALITY = 50;
    static final double SKEWED = 20;
    static final double HIGH_CORRELATION = 0.9;
    static final double ZEROS_PERCENT = 10;

    private Alerts() {
    }

    static List<Alert> of(List<ColumnProfile> columns, List<Correlations.Pair> pairs, DuplicateRows duplicates) {
        List<Alert> alerts = new ArrayList<>();
        long rows = duplicates.rows();
        if (duplicates.certainDuplicates() > 0) {
            long d = duplicates.isExact() ? duplicates.duplicates() : duplicates.certainDuplicates();
            alerts.add(new Alert(null, Alert.Kind.DUPLICATE_ROWS, (duplicates.isExact() ? "" : "at least ")
                    + d + " of " + rows + " rows (" + pct(100.0 * d / rows) + ") duplicate an earlier row"
                    + (duplicates.isExact() ? "." : " (estimated, 95 % bound)."), 100.0 * d / rows));
        }
        for (ColumnProfile c : columns) {
            column(c, rows, alerts);
        }
        for (Correlations.Pair p : pairs) {
            if (Math.abs(p.pearson()) > HIGH_CORRELATION) {
                alerts.add(new Alert(p.a(), Alert.Kind.HIGH_CORRELATION, p.a() + " is highly correlated with "
                        + p.b() + " (Pearson r = " + String.format(Locale.ROOT, "%.3f", p.pearson()) + ").",
                        Math.abs(p.pearson())));
            }
        }
        alerts.sort(Comparator.comparingInt((Alert a) -> -a.kind().weight).thenComparingDouble(a -> -a.weight()));
        return alerts;
    }

    private static void column(ColumnProfile c, long rows, List<Alert> alerts) {
        String n = c.name();
        Distinct d = c.distinct();
        if (c.nullPercent() > MISSING_PERCENT) {
            alerts.add(new Alert(n, Alert.Kind.MISSING, n + " has " + c.nulls() + " missing values ("
                    + pct(c.nullPercent()) + ").", c.nullPercent()));
        }
        TypeTracker.Mixed mixed = c.types().mixed();
        if (mixed != null) {
            alerts.add(new Alert(n, Alert.Kind.MIXED_TYPES, n + " mixes types: " + pct(mixed.percent())
                    + " of its values are " + mixed.kind() + ", the rest are not"
                    + (c.types().demotedBy() != null ? " (first at line " + c.types().demotedAtLine() + ": '"
                    + c.types().demotedBy() + "')" : "") + "; it is profiled as text.", mixed.percent()));
        }
        if (c.count() > 0 && d.isExact() && d.estimate() == 1) {
            alerts.add(new Alert(n, Alert.Kind.CONSTANT, n + " has one value only.", c.count()));
        }
        boolean unique = c.count() > 1 && d.lowerBound() <= c.count() && c.count() <= d.upperBound()
                && (d.isExact() || c.count() > d.estimate() * 0.97);
        if (unique) {
            alerts.add(new Alert(n, Alert.Kind.UNIQUE, n + " has a different value in every row"
                    + (d.isExact() ? "." : " (estimated: " + d.estimate() + " distinct of " + c.count() + ")."),
                    c.count()));
        }
        if (c.type().equals("text") && !unique && d.estimate() > HIGH_CARDINALITY) {
            alerts.add(new Alert(n, Alert.Kind.HIGH_CARDINALITY, n + " has " + (d.isExact() ? "" : "about ")
                    + d.estimate() + " distinct values.", d.estimate()));
        }
        if (c.isNumeric()) {
            double skew = c.numeric().skewness();
            if (Math.abs(skew) > SKEWED) {
                alerts.add(new Alert(n, Alert.Kind.SKEWED, n + " is highly skewed (skewness "
                        + String.format(Locale.ROOT, "%.1f", skew) + ").", Math.abs(skew)));
            }
            double zeros = rows == 0 ? 0 : 100.0 * c.numeric().zeros() / rows;
            if (zeros > ZEROS_PERCENT) {
                alerts.add(new Alert(n, Alert.Kind.ZEROS, n + " has " + c.numeric().zeros() + " zeros ("
                        + pct(zeros) + ").", zeros));
            }
        }
    }

    static String pct(double percent) {
        return String.format(Locale.ROOT, percent < 10 ? "%.1f %%" : "%.0f %%", percent);
    }
}
