package com.acme.analytics.domain.integrations;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransformationTest {

    @Test
    void readsAMovingAverageOfTheKeysMetricOrANamedOne() {
        assertEquals(new Transformation.MovingAverage("total_requests", Duration.ofMinutes(5)),
                Transformation.parse("total_requests", "moving_average(5m)"));
        assertEquals(new Transformation.MovingAverage("visits", Duration.ofSeconds(30)),
                Transformation.parse("smooth", " moving_average( visits , 30s ) "));
    }

    @Test
    void readsAPercentage() {
        assertEquals(new Transformation.Percentage("conversions", "visits"),
                Transformation.parse("rate", "percentage(conversions/visits)"));
    }

    @Test
    void rejectsAnUnknownFunctionByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Transformation.parse("x", "median(5m)"));
        assertTrue(e.getMessage().contains("unknown function 'median'"), e.getMessage());
    }

    @Test
    void rejectsMalformedExpressions() {
        for (String bad : new String[]{"percentage(a)", "percentage(a/b/c)", "percentage(/b)", "moving_average(5)",
                "moving_average()", "moving_average(a, b, 5m)", "moving_average(5m", "5m", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Transformation.parse("x", bad), bad);
            assertTrue(e.getMessage().startsWith("malformed expression"), bad + ": " + e.getMessage());
        }
    }
}
