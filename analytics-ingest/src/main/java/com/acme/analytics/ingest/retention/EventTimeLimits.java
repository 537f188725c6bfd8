package com.acme.analytics.ingest.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Which event times are accepted: no older than the retention period (a day less, so that an accepted event
 * always finds its partition), and no further in the future than the allowed clock skew.
 */
@ApplicationScoped
public class EventTimeLimits {

    private final int retentionDays;
    private final Duration maxFutureSkew;

    @Inject
    public EventTimeLimits(@ConfigProperty(name = "analytics.ingest.retention-days") int retentionDays,
                           @ConfigProperty(name = "analytics.ingest.max-future-skew-seconds") long maxFutureSkewSeconds) {
        if (retentionDays < 2) {
            throw new IllegalArgumentException("analytics.ingest.retention-days must be at least 2, got " + retentionDays);
        }
        this.retentionDays = retentionDays;
        this.maxFutureSkew = Duration.ofSeconds(maxFutureSkewSeconds);
    }

    /** For the CDI proxy only. */
    protected EventTimeLimits() {
        this.retentionDays = 0;
        this.maxFutureSkew = Duration.ZERO;
    }

    public int retentionDays() {
        return retentionDays;
    }

    public Duration maxFutureSkew() {
        return maxFutureSkew;
    }

    /** The oldest event time accepted now. */
    public Instant earliest(Instant now) {
        return now.minus(Duration.ofDays(retentionDays - 1L));
    }

    /** The newest event time accepted now. */
    public Instant latest(Instant now) {
        return now.plus(maxFutureSkew);
    }

    /** The first UTC day whose raw events are kept. */
    public LocalDate firstKeptDay(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(retentionDays);
    }

    /** The last UTC day an accepted event can fall on, with a day to spare. */
    public LocalDate lastAcceptedDay(Instant now) {
        return LocalDate.ofInstant(latest(now), ZoneOffset.UTC).plusDays(1);
    }
}
