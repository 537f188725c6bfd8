package com.acme.analytics.domain.integrations;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How often an integration syncs, written {@code <n>s}, {@code <n>m} or {@code <n>h} (such as {@code 30s}). */
public record SyncFrequency(Duration every, String text) {

    private static final Pattern FORM = Pattern.compile("([1-9][0-9]{0,5})([smh])");

    public SyncFrequency {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("a frequency is positive, not " + every);
        }
    }

    /** The frequency written {@code text}, or empty when it is not {@code <n>s|m|h}. */
    public static Optional<SyncFrequency> parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text.strip());
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        Duration every = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
        return Optional.of(new SyncFrequency(every, m.group(1) + m.group(2)));
    }

    /** The shortest way to write a duration: {@code 2m} rather than {@code 120s}. */
    public static String describe(Duration d) {
        long s = d.toSeconds();
        return s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s";
    }
}
