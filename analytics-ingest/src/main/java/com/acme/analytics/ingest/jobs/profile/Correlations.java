package com.acme.analytics.ingest.jobs.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pearson's r for every pair of the first {@code maxColumns} columns that look numeric, from rows where both
 * values are present (pairwise complete, as pandas), by a streaming co-moment update (Welford's, for pairs) that
 * does not cancel as sums of products do. Cost per row: one update per pair, so the columns paired are capped.
 */
final class Correlations {

    /** One pair's result. */
    record Pair(String a, String b, double pearson) {
    }

    private final int[] columns;
    private final long[] n;
    private final double[] meanX;
    private final double[] meanY;
    private final double[] m2X;
    private final double[] m2Y;
    private final double[] coMoment;

    /** @param columns indexes of the columns to pair, in file order */
    Correlations(int[] columns) {
        this.columns = columns;
        int pairs = columns.length * (columns.length - 1) / 2;
        n = new long[pairs];
        meanX = new double[pairs];
        meanY = new double[pairs];
        m2X = new double[pairs];
        m2Y = new double[pairs];
        coMoment = new double[pairs];
    }

    int columnsPaired() {
        return columns.length;
    }

    /** Takes one row's numbers (NaN where absent or not a number), indexed by column. */
    void accept(double[] row) {
        int p = 0;
        for (int i = 0; i < columns.length; i++) {
            double x = row[columns[i]];
            for (int j = i + 1; j < columns.length; j++, p++) {
                double y = row[columns[j]];
                if (Double.isNaN(x) || Double.isNaN(y)) {
                    continue;
                }
                long k = ++n[p];
                double dx = x - meanX[p];
                meanX[p] += dx / k;
                double dy = y - meanY[p];
                meanY[p] += dy / k;
                m2X[p] += dx * (x - meanX[p]);
                m2Y[p] += dy * (y - meanY[p]);
                coMoment[p] += dx * (y - meanY[p]);
            }
        }
    }

    /**
     * The pairs of columns still numeric at the end with |r| at least {@code threshold}, strongest first; a pair
     * with a constant side has no r and is left out.
     */
    List<Pair> strongest(List<ColumnProfile> profiles, double threshold) {
        List<Pair> found = new ArrayList<>();
        int p = 0;
        for (int i = 0; i < columns.length; i++) {
            for (int j = i + 1; j < columns.length; j++, p++) {
                ColumnProfile a = profiles.get(columns[i]);
                ColumnProfile b = profiles.get(columns[j]);
                if (!a.isNumeric() || !b.isNumeric() || n[p] < 2 || m2X[p] == 0 || m2Y[p] == 0) {
                    continue;
                }
                double r = Math.max(-1, Math.min(1, coMoment[p] / Math.sqrt(m2X[p] * m2Y[p])));
                if (Math.abs(r) >= threshold) {
                    found.add(new Pair(a.name(), b.name(), r));
                }
            }
        }
        found.sort(Comparator.comparingDouble((Pair x) -> -Math.abs(x.pearson())));
        return found;
    }
}
