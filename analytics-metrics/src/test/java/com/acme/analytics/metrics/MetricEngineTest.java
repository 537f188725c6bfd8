package com.acme.analytics.metrics;

import com.acme.analytics.domain.metrics.MetricWindow.Interval;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricEngineTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void shouldEndWindowsAtTheNextWholeSecond() {
        assertEquals(Instant.parse("2026-11-26T00:00:02Z"),
                MetricEngine.wholeSecondUpTo(Instant.parse("2026-11-26T00:00:01.001Z")));
        assertEquals(Instant.parse("2026-11-26T00:00:01Z"),
                MetricEngine.wholeSecondUpTo(Instant.parse("2026-11-26T00:00:01Z")));
    }

    @Test
    void shouldRoundToWholeMinutesBeforeTheEpochToo() {
        assertEquals(Instant.parse("1969-12-31T23:59:00Z"), MetricEngine.floor(Instant.parse("1969-12-31T23:59:30Z"), MINUTE));
        assertEquals(Instant.parse("2026-11-26T10:16:00Z"), MetricEngine.ceil(Instant.parse("2026-11-26T10:15:00.5Z"), MINUTE));
        assertEquals(Instant.parse("2026-11-26T10:15:00Z"), MetricEngine.ceil(Instant.parse("2026-11-26T10:15:00Z"), MINUTE));
    }

    @Test
    void shouldTellWholeUtcDaysFromPartsOfDays() {
        assertTrue(MetricEngine.isWholeUtcDays(new Interval(Instant.parse("2026-11-20T00:00:00Z"),
                Instant.parse("2026-11-27T00:00:00Z"))));
        assertFalse(MetricEngine.isWholeUtcDays(new Interval(Instant.parse("2026-11-20T00:00:00Z"),
                Instant.parse("2026-11-26T10:00:00Z"))));
        assertTrue(MetricEngine.isWhole(new Interval(Instant.parse("2026-11-20T00:01:00Z"),
                Instant.parse("2026-11-26T10:00:00Z")), MINUTE));
    }
}
