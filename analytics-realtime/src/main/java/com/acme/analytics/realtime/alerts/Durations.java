package com.acme.analytics.realtime.alerts;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The short durations of a rule ({@code "0"}, {@code "30s"}, {@code "5m"}, {@code "1h"}, {@code "1d"}), both ways. */
final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,6})([smhd])?");

    private Durations() {
    }

    /** The duration, or null when the text is not one (a bare number other than 0 needs a unit). */
    static Duration parse(String text) {
        Matcher m = SHORT.matcher(text.trim());
        if (!m.matches() || (m.group(2) == null && !m.group(1).equals("0"))) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "s" : m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    static String format(Duration d) {
        long s = d.getSeconds();
        if (s == 0) {
            return "0s";
        }
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        return s % 60 == 0 ? s / 60 + "m" : s + "s";
    }

    /** For a message: "5 min", "30 s", "1 h". */
    static String spoken(Duration d) {
        String f = format(d);
        String unit = switch (f.charAt(f.length() - 1)) {
            case 'm' -> " min";
            case 'h' -> " h";
            case 'd' -> " d";
            default -> " s";
        };
        return f.substring(0, f.length() - 1) + unit;
    }
}
