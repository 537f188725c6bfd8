package com.acme.analytics.ingest.flush;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How ingest requests reach the committer: ask for a flush at once, and learn whether it is backing off after an
 * outage. A plain bean rather than methods of the {@link BatchFlusher} EJB, because every ingest request asks both:
 * the EJB container's invocation around these one-line methods was 14 % of a batch request's handling (JFR under
 * bench/ingest's batch load). Thread-safe.
 */
@ApplicationScoped
public class CommitRequests {

    /** Requests for a flush at once; the committer takes them all at each wake-up. */
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile LongSupplier retryInNanos = () -> 0;

    /** Asks for a flush at once, without waiting for it. Costs a semaphore release, so that every request can ask. */
    public void flushSoon() {
        wakeUps.release();
    }

    /**
     * While backing off after an outage: how long until the next write attempt, in seconds (at least 1); else 0.
     * Once the backoff is over, requests go through again: their write, or with none the committer's probe, finds
     * the database back.
     */
    public int unavailableForSeconds() {
        long nanos = retryInNanos.getAsLong();
        return nanos > 0 ? (int) Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999)) : 0;
    }

    /** @param retryInNanos the committer's backoff: how long until its next write attempt, 0 or less when none */
    void attach(LongSupplier retryInNanos) {
        this.retryInNanos = retryInNanos;
    }

    /**
     * On the committer: waits for a request, or at most {@code maxNanos} when positive (the end of a backoff, when
     * the kept events are written, asked or not), then takes every request made meanwhile.
     */
    void await(long maxNanos) throws InterruptedException {
        if (maxNanos > 0) {
            wakeUps.tryAcquire(maxNanos, TimeUnit.NANOSECONDS);
        } else {
            wakeUps.acquire();
        }
        wakeUps.drainPermits();
    }
}
