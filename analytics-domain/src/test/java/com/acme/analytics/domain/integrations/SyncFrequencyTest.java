package com.acme.analytics.domain.integrations;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyncFrequencyTest {

    @Test
    void readsSecondsMinutesAndHours() {
        assertEquals(Duration.ofSeconds(30), SyncFrequency.parse("30s").orElseThrow().every());
        assertEquals(Duration.ofMinutes(5), SyncFrequency.parse("5m").orElseThrow().every());
        assertEquals(Duration.ofHours(1), SyncFrequency.parse(" 1h ").orElseThrow().every());
        assertEquals("1h", SyncFrequency.parse(" 1h ").orElseThrow().text());
    }

    @Test
    void rejectsOtherForms() {
        for (String bad : new String[]{"0s", "5", "m", "5d", "-5m", "1.5h", "05m", "", "5 m", "1234567s"}) {
            assertTrue(SyncFrequency.parse(bad).isEmpty(), bad);
        }
        assertTrue(SyncFrequency.parse(null).isEmpty());
    }

    @Test
    void describesADurationShortest() {
        assertEquals("2m", SyncFrequency.describe(Duration.ofSeconds(120)));
        assertEquals("1h", SyncFrequency.describe(Duration.ofSeconds(3600)));
        assertEquals("90s", SyncFrequency.describe(Duration.ofSeconds(90)));
    }
}
