package com.acme.analytics.domain.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventFilterTest {

    @Test
    void shouldMatchByTypeByPrefixOrAll() {
        assertTrue(EventFilter.types("click", "view").matches("view"));
        assertFalse(EventFilter.types("click").matches("clicks"));
        assertTrue(EventFilter.prefix("message.").matches("message.sent"));
        assertFalse(EventFilter.prefix("message.").matches("messages"));
        assertTrue(EventFilter.all().matches("anything"));
    }
}
