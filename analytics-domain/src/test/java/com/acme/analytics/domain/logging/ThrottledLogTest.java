package com.acme.analytics.domain.logging;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThrottledLogTest {

    private final List<String> lines = new ArrayList<>();
    private final long[] now = {0};

    private ThrottledLog throttled() {
        Logger logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        return new ThrottledLog(logger, 1000, () -> now[0]);
    }

    @Test
    void shouldWriteTheFirstLineAndSuppressTheRepeatsOfItsInterval() {
        ThrottledLog log = throttled();
        assertTrue(log.log(Level.WARNING, "down", null));
        assertFalse(log.log(Level.WARNING, "down", null));
        assertFalse(log.log(Level.WARNING, "down", null));
        assertEquals(List.of("down"), lines);
    }

    @Test
    void shouldCountTheSuppressedLinesInTheNextOne() {
        ThrottledLog log = throttled();
        log.log(Level.WARNING, "down", null);
        log.log(Level.WARNING, "down", null);
        log.log(Level.WARNING, "down", null);
        now[0] += TimeUnit.SECONDS.toNanos(1);
        assertTrue(log.log(Level.WARNING, "down", null));
        assertEquals("down (2 similar suppressed in the last interval)", lines.get(1));
    }
}
