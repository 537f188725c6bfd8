package com.acme.analytics.domain.database;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DatabaseSettingsTest {

    @Test
    void rejectsAUrlThatIsNotPostgresql() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DatabaseSettings("jdbc:h2:mem:x", "analytics", ""));
        assertEquals("analytics.db.url must start with jdbc:postgresql:, not 'jdbc:h2:mem:x'", e.getMessage());
    }

    @Test
    void shouldTakeNoPasswordAsEmptyAndNeverShowIt() {
        assertEquals("", new DatabaseSettings("jdbc:postgresql://h/db", "u", null).password());
        assertFalse(new DatabaseSettings("jdbc:postgresql://h/db", "u", "s3cret").toString().contains("s3cret"));
    }
}
