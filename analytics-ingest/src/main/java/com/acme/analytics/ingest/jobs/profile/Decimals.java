package com.acme.analytics.ingest.jobs.profile;

/**
 * Parses the plain decimals a CSV is full of ({@code -12.50}) without {@link Double#parseDouble}'s general
 * machinery, which was the third cost of the profile per numeric cell (bench/jobs, JFR). With at most 15 digits
 * the digits are an exact long below 2^53 and the power of ten an exact double, so their one quotient is correctly
 * rounded: the same double {@code parseDouble} answers (Clinger's fast path). Anything else goes to
 * {@code parseDouble}.
 */
final class Decimals {

    private static final int MAX_DIGITS = 15;
    private static final double[] POWERS = new double[MAX_DIGITS + 1];

    static {
        double p = 1;
        for (int i = 0; i <= MAX_DIGITS; i++) {
            POWERS[i] = p;
            p *= 10;
        }
    }

    private Decimals() {
    }

    /** @param s a value {@link Kinds} found to be a decimal */
    static double parse(String s) {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        long digits = 0;
        int count = 0;
        int fraction = -1;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++count > MAX_DIGITS) {
                    return Double.parseDouble(s);
                }
                digits = digits * 10 + (c - '0');
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
            } else {
                return Double.parseDouble(s); // an exponent, or not a plain decimal at all
            }
        }
        if (count == 0) {
            return Double.parseDouble(s);
        }
        double value = fraction > 0 ? digits / POWERS[fraction] : digits;
        return negative ? -value : value;
    }
}
