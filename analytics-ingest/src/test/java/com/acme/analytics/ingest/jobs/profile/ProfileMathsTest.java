package com.acme.analytics.ingest.jobs.profile;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileMathsTest {

    @TempDir
    Path dir;

    private static final int ROWS = 20_000;

    /** x: lognormal decimals (skewed), n: 1..ROWS, y: 2n+1 plus noise. */
    private static String generated(double[] x) {
        Random random = new Random(12);
        StringBuilder csv = new StringBuilder("n,x,y\n");
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.exp(random.nextGaussian());
            csv.append(i + 1).append(',').append(x[i]).append(',').append(2 * (i + 1) + 1 + random.nextGaussian())
                    .append('\n');
        }
        return csv.toString();
    }

    /** How many values are at or below {@code value}. */
    private static int upperRank(double[] sorted, double value) {
        int i = Arrays.binarySearch(sorted, value);
        if (i < 0) {
            return -i - 1;
        }
        while (i + 1 < sorted.length && sorted[i + 1] == value) {
            i++;
        }
        return i + 1;
    }

    @Test
    void shouldMatchTwoPassMomentsOnGeneratedData() throws Exception {
        double[] x = new double[ROWS];
        JsonObject column = Profiles.column(Profiles.analyse(dir, generated(x)), "x");
        double mean = Arrays.stream(x).average().orElseThrow();
        double m2 = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum();
        double m3 = Arrays.stream(x).map(v -> Math.pow(v - mean, 3)).sum();
        double stddev = Math.sqrt(m2 / (ROWS - 1));
        double g1 = Math.sqrt(ROWS) * m3 / Math.pow(m2, 1.5);
        double skew = g1 * Math.sqrt((double) ROWS * (ROWS - 1)) / (ROWS - 2);
        assertEquals("decimal", column.getString("type"));
        assertEquals(mean, column.getJsonNumber("mean").doubleValue(), 1e-9 * mean);
        assertEquals(stddev, column.getJsonNumber("stddev").doubleValue(), 1e-9 * stddev);
        assertEquals(skew, column.getJsonNumber("skewness").doubleValue(), 1e-6 * Math.abs(skew));
        assertEquals(Arrays.stream(x).min().orElseThrow(), column.getJsonNumber("min").doubleValue());
        assertEquals(Arrays.stream(x).max().orElseThrow(), column.getJsonNumber("max").doubleValue());
    }

    @Test
    void shouldGiveQuantilesWithinTheirStatedRankError() throws Exception {
        double[] x = new double[ROWS];
        JsonObject column = Profiles.column(Profiles.analyse(dir, generated(x)), "x");
        double error = column.getJsonNumber("quantile_rank_error").doubleValue();
        assertTrue(error > 0 && error < 0.02, "rank error " + error);
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        String[] names = {"p05", "p25", "p50", "p75", "p95"};
        double[] qs = {0.05, 0.25, 0.5, 0.75, 0.95};
        for (int i = 0; i < names.length; i++) {
            double value = column.getJsonObject("quantiles").getJsonNumber(names[i]).doubleValue();
            double rank = (double) upperRank(sorted, value) / ROWS;
            assertEquals(qs[i], rank, error, names[i] + " = " + value + " has rank " + rank);
        }
        long total = column.getJsonArray("histogram").getValuesAs(JsonObject.class).stream()
                .mapToLong(b -> b.getJsonNumber("count").longValue()).sum();
        assertEquals(ROWS, total, ROWS * error);
    }

    @Test
    void shouldGiveExactQuantilesAndHistogramOnFewRows() throws Exception {
        StringBuilder csv = new StringBuilder("v\n");
        for (int i = 1; i <= 100; i++) {
            csv.append(i).append('\n');
        }
        JsonObject column = Profiles.column(Profiles.analyse(dir, csv.toString()), "v");
        assertFalse(column.containsKey("quantile_rank_error"));
        JsonObject q = column.getJsonObject("quantiles");
        assertEquals(5, q.getJsonNumber("p05").doubleValue());
        assertEquals(50, q.getJsonNumber("p50").doubleValue());
        assertEquals(95, q.getJsonNumber("p95").doubleValue());
        assertEquals(50.5, column.getJsonNumber("mean").doubleValue(), 1e-12);
        // Bins of width 9.9 from 1 to 100: [1, 10.9) holds 1..10, [90.1, 100] holds 91..100.
        var bins = column.getJsonArray("histogram").getValuesAs(JsonObject.class);
        assertEquals(10, bins.size());
        assertEquals(10, bins.get(0).getInt("count"));
        assertEquals(10, bins.get(9).getInt("count"));
        assertEquals(100, bins.stream().mapToInt(b -> b.getInt("count")).sum());
    }

    @Test
    void shouldCountDistinctExactlyUpToTheCapThenEstimateWithinBounds() throws Exception {
        double[] x = new double[ROWS];
        String csv = generated(x);
        JsonObject exact = Profiles.column(Profiles.analyse(dir, csv.getBytes(StandardCharsets.UTF_8),
                Profiles.withDistinctCap(ROWS)), "n");
        assertEquals(ROWS, exact.getInt("distinct"));
        assertTrue(exact.getBoolean("distinct_exact"));
        JsonObject estimated = Profiles.column(Profiles.analyse(dir, csv.getBytes(StandardCharsets.UTF_8),
                Profiles.withDistinctCap(1000)), "n");
        assertFalse(estimated.getBoolean("distinct_exact"));
        JsonObject bounds = estimated.getJsonObject("distinct_bounds");
        assertTrue(bounds.getInt("lower") <= ROWS && ROWS <= bounds.getInt("upper"), bounds.toString());
        assertEquals(ROWS, estimated.getInt("distinct"), ROWS * 0.05);
    }

    @Test
    void shouldCorrelateLinearlyRelatedColumns() throws Exception {
        JsonObject insights = Profiles.analyse(dir, generated(new double[ROWS]));
        JsonObject pair = insights.getJsonArray("correlations").getJsonObject(0);
        assertEquals("n", pair.getString("a"));
        assertEquals("y", pair.getString("b"));
        assertEquals(1.0, pair.getJsonNumber("pearson").doubleValue(), 1e-6);
        assertEquals(1, insights.getJsonArray("correlations").size(), "x is independent of both");
    }

    @Test
    void shouldCountNullsZerosAndLengths() throws Exception {
        JsonObject column = Profiles.column(Profiles.analyse(dir, "a,b\n0,x\n,yy\nNA,zzz\n5,\n0,w\n"), "a");
        assertEquals(3, column.getInt("count"));
        assertEquals(2, column.getInt("nulls"));
        assertEquals(40.0, column.getJsonNumber("null_percent").doubleValue(), 1e-9);
        assertEquals(2, column.getInt("zeros"));
        JsonObject b = Profiles.column(Profiles.analyse(dir, "a,b\n0,x\n,yy\nNA,zzz\n5,\n0,w\n"), "b");
        assertEquals(1, b.getInt("min_length"));
        assertEquals(3, b.getInt("max_length"));
    }
}
