package com.acme.analytics.domain.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/** The time a metric covers, resolved against "now" into a half-open interval [from, to). */
public sealed interface MetricWindow {

    /** @return the interval this window covers when it is {@code now} */
    Interval at(Instant now);

    /** The last {@code length} up to now. */
    record Trailing(Duration length) implements MetricWindow {
        public Trailing {
            if (length.isNegative() || length.isZero()) {
                throw new IllegalArgumentException("a trailing window must be positive, got " + length);
            }
        }

        @Override
        public Interval at(Instant now) {
            return new Interval(now.minus(length), now);
        }

        public long seconds() {
            return length.toSeconds();
        }
    }

    /** Since the start of the current day in a time zone (the workspace's; UTC by default). */
    record Today(ZoneId zone) implements MetricWindow {
        public Today {
            Objects.requireNonNull(zone, "zone");
        }

        @Override
        public Interval at(Instant now) {
            return new Interval(LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant(), now);
        }
    }

    /** A fixed range. */
    record Range(Instant from, Instant to) implements MetricWindow {
        public Range {
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("a range must end after it starts: " + from + " .. " + to);
            }
        }

        @Override
        public Interval at(Instant now) {
            return new Interval(from, to);
        }
    }

    static Trailing lastSeconds(long seconds) {
        return new Trailing(Duration.ofSeconds(seconds));
    }

    /** A resolved window, from inclusive, to exclusive. */
    record Interval(Instant from, Instant to) {
        public Interval {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("interval ends before it starts: " + from + " .. " + to);
            }
        }

        public Duration length() {
            return Duration.between(from, to);
        }
    }
}
