package com.acme.analytics.ingest.jobs.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the columns to correlate once the type sample is read (the first {@code correlationColumns} that look
 * numeric), keeping the sample's rows meanwhile (at most {@code typeSampleRows} arrays) and replaying them, so that
 * the correlations still cover every row.
 */
final class CorrelationSample {

    /** The pairs with |r| at least this are reported. */
    static final double REPORTED = 0.5;

    private final List<ColumnProfile> columns;
    private final ProfileLimits limits;
    private List<double[]> sample = new ArrayList<>();
    private Correlations correlations;
    private double[] row;
    private int numericColumns;

    CorrelationSample(List<ColumnProfile> columns, ProfileLimits limits) {
        this.columns = columns;
        this.limits = limits;
        this.row = new double[columns.size()];
    }

    /** The array to fill with the next row's numbers (reused once the sample is over). */
    double[] row() {
        return row;
    }

    void accept(double[] numbers) {
        if (correlations != null) {
            correlations.accept(numbers);
            return;
        }
        sample.add(numbers);
        row = new double[columns.size()];
        if (sample.size() == limits.typeSampleRows()) {
            choose();
        }
    }

    int columnsPaired() {
        if (correlations == null) {
            choose();
        }
        return correlations.columnsPaired();
    }

    /** Columns that looked numeric, paired or not. */
    int numericColumns() {
        return numericColumns;
    }

    List<Correlations.Pair> result() {
        if (correlations == null) {
            choose();
        }
        return correlations.strongest(columns, REPORTED);
    }

    private void choose() {
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).isNumeric()) {
                numericColumns++;
                if (chosen.size() < limits.correlationColumns()) {
                    chosen.add(i);
                }
            }
        }
        correlations = new Correlations(chosen.stream().mapToInt(Integer::intValue).toArray());
        sample.forEach(correlations::accept);
        sample = null;
    }
}
