package com.acme.analytics.ingest.jobs.profile;

/**
 * Streaming mean, variance and skewness (Welford's update extended to the third moment, after Terriberry), stable
 * where running sums of powers would cancel. Standard deviation and skewness are the sample (pandas) ones: ddof 1
 * and the adjusted Fisher-Pearson coefficient.
 */
final class Moments {

    private long n;
    private double mean;
    private double m2;
    private double m3;

    void add(double x) {
        long n1 = n;
        n++;
        double delta = x - mean;
        double deltaN = delta / n;
        double term1 = delta * deltaN * n1;
        mean += deltaN;
        m3 += term1 * deltaN * (n - 2) - 3 * deltaN * m2;
        m2 += term1;
    }

    long count() {
        return n;
    }

    double mean() {
        return n == 0 ? Double.NaN : mean;
    }

    double stddev() {
        return n < 2 ? Double.NaN : Math.sqrt(m2 / (n - 1));
    }

    double skewness() {
        if (n < 3 || m2 == 0) {
            return n < 3 ? Double.NaN : 0;
        }
        double g1 = Math.sqrt(n) * m3 / Math.pow(m2, 1.5);
        return g1 * Math.sqrt((double) n * (n - 1)) / (n - 2);
    }
}
