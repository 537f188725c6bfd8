package com.acme.analytics.web.support;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for something the server does asynchronously, such as a flush, within a bound. */
public final class Eventually {

    private static final Duration POLL = Duration.ofMillis(100);

    private Eventually() {
    }

    /** Returns once the condition holds; fails with the message after the timeout. */
    public static void within(Duration timeout, String message, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(message + " (waited " + timeout.toSeconds() + " s)");
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
