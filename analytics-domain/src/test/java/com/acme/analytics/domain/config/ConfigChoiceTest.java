package com.acme.analytics.domain.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigChoiceTest {

    enum Mode { COMMITTED, HIGH_FREQUENCY }

    @Test
    void shouldReadLowerCaseDashedAndConstantNames() {
        assertEquals(Mode.HIGH_FREQUENCY, ConfigChoice.of(Mode.class, " high-frequency "));
        assertEquals(Mode.HIGH_FREQUENCY, ConfigChoice.of(Mode.class, "HIGH_FREQUENCY"));
        assertEquals(Mode.COMMITTED, ConfigChoice.of(Mode.class, "Committed"));
    }

    @Test
    void rejectsAnUnknownValueNamingTheAcceptedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigChoice.of(Mode.class, "comitted"));
        assertTrue(e.getMessage().contains("'comitted' is not one of committed, high-frequency"), e.getMessage());
    }

    @Test
    void rejectsAnEmptyValue() {
        assertThrows(IllegalArgumentException.class, () -> ConfigChoice.of(Mode.class, ""));
    }
}
