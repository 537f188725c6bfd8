package com.acme.analytics.ingest.jobs.profile;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KindsTest {

    private static final int NUMBER = Kinds.INTEGER | Kinds.DECIMAL;

    @Test
    void shouldScanIntegersAndDecimalsInOnePass() {
        assertEquals(NUMBER, Kinds.of("0"));
        assertEquals(NUMBER, Kinds.of("-12"));
        assertEquals(NUMBER, Kinds.of("+7"));
        assertEquals(NUMBER, Kinds.of("123456789012345678"), "18 digits still fit a long");
        assertEquals(Kinds.DECIMAL, Kinds.of("1234567890123456789"), "19 digits: a decimal, not an integer");
        assertEquals(Kinds.DECIMAL, Kinds.of("12.50"));
        assertEquals(Kinds.DECIMAL, Kinds.of("-.5"));
        assertEquals(Kinds.DECIMAL, Kinds.of(".5"));
        assertEquals(Kinds.DECIMAL, Kinds.of("5."));
        assertEquals(Kinds.DECIMAL, Kinds.of("1e5"));
        assertEquals(Kinds.DECIMAL, Kinds.of("-2.5E-3"));
    }

    @Test
    void rejectsWhatIsNotANumber() {
        for (String s : new String[] {"", "-", "+", ".", "-.", "1e", "1e+", "e5", "1.2.3", "12a", "1,5", " 1", "0x1f"}) {
            assertEquals(0, Kinds.of(s), s);
        }
    }

    @Test
    void shouldTellDatesDateTimesAndBooleans() {
        assertEquals(Kinds.DATE | Kinds.DATETIME, Kinds.of("2024-02-29"));
        assertEquals(Kinds.DATETIME, Kinds.of("2024-02-29T10:15:30Z"));
        assertEquals(Kinds.DATETIME, Kinds.of("2024-02-29 10:15"));
        assertEquals(Kinds.DATETIME, Kinds.of("2024-02-29T10:15:30.125+01:00"));
        assertEquals(0, Kinds.of("2024-13-01"), "month out of range");
        assertEquals(0, Kinds.of("2024-01-01T25:00"), "hour out of range");
        for (String s : new String[] {"true", "FALSE", "Yes", "no"}) {
            assertEquals(Kinds.BOOLEAN, Kinds.of(s), s);
        }
        assertEquals(0, Kinds.of("none"));
        assertEquals(0, Kinds.of("truely"));
    }
}
