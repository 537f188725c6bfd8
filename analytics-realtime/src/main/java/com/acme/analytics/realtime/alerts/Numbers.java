package com.acme.analytics.realtime.alerts;

/** Numbers in messages: 412 rather than 412.0, two decimals otherwise. */
final class Numbers {

    private Numbers() {
    }

    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
