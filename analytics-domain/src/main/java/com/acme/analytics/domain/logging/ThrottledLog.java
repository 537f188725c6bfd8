package com.acme.analytics.domain.logging;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At most one log line per interval, saying how many were suppressed since the last: a failure repeating at flush
 * rate (hundreds a second), or a bad notification or refused simulation in a loop, must not fill the disk. One instance per kind of failure, so that one kind does not
 * hide another. Thread-safe.
 */
public final class ThrottledLog {

    private final Logger log;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong suppressed = new AtomicLong();
    private long nextNanos;
    private boolean first = true;

    /** On the system's monotonic clock. */
    public ThrottledLog(Logger log, long intervalMillis) {
        this(log, intervalMillis, System::nanoTime);
    }

    public ThrottledLog(Logger log, long intervalMillis, LongSupplier nanoClock) {
        this.log = log;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.nanoClock = nanoClock;
    }

    /** @return whether the line was written */
    public boolean log(Level level, String message, Throwable cause) {
        long now = nanoClock.getAsLong();
        long skipped;
        synchronized (this) {
            if (!first && now - nextNanos < 0) {
                suppressed.incrementAndGet();
                return false;
            }
            first = false;
            nextNanos = now + intervalNanos;
            skipped = suppressed.getAndSet(0);
        }
        log.log(level, skipped == 0 ? message
                : message + " (" + skipped + " similar suppressed in the last interval)", cause);
        return true;
    }
}
