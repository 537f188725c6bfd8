package com.acme.analytics.ingest.flush;

import com.acme.analytics.domain.events.EventsFlushed;
import com.acme.analytics.domain.events.TrackedEvent;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the observers of {@link EventsFlushed} about stored events: the synchronous ones (the live windows) at once,
 * before the requests are answered, so that a client reads its own writes; the asynchronous ones (live delivery)
 * afterwards, one announcement after the other in commit order, on a thread of their own. Never the answers'
 * threads: announcing costs a database round trip, and answers queued behind it waited seconds.
 */
final class Announcer {

    private static final Logger LOG = Logger.getLogger(Announcer.class.getName());

    private final Event<EventsFlushed> flushed;
    private final ExecutorService thread;
    private final long intervalNanos;
    /** Stored events not announced yet: the announcer takes all there are at once, so its batches grow with load. */
    private final ConcurrentLinkedQueue<TrackedEvent> unannounced = new ConcurrentLinkedQueue<>();
    /** Room for stored events not announced yet, as many as the buffer holds (a chunk comes from the buffer). */
    private final Semaphore room;
    /** When the announcer last took the stored events; announcer thread only. */
    private long lastAnnounceNanos = System.nanoTime();

    Announcer(Event<EventsFlushed> flushed, ExecutorService thread, long intervalMillis, int capacity) {
        this.flushed = flushed;
        this.thread = thread;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.room = new Semaphore(capacity);
    }

    /** On the committer thread, for each committed write. */
    void stored(List<TrackedEvent> stored) {
        try {
            flushed.fire(new EventsFlushed(stored, Instant.now()));
        } catch (RuntimeException e) {
            // The events are committed whatever an observer does; their requests must hear so.
            LOG.log(Level.WARNING, "An observer of stored events failed", e);
        }
        handOver(stored);
    }

    /**
     * Bounded like the buffer: should announcing ever fall behind, the committer waits, the buffer fills and
     * ingest answers 503, rather than memory growing.
     */
    private void handOver(List<TrackedEvent> stored) {
        room.acquireUninterruptibly(stored.size());
        unannounced.addAll(stored);
        thread.execute(this::announce);
    }

    private void announce() {
        if (unannounced.isEmpty()) {
            return; // an earlier task took these
        }
        // Single events arrive about a millisecond apart and each gets a flush of its own: announced one flush at
        // a time they cost a database transaction each (1,200 transactions/s at 1,000 events/s, measured). Waiting
        // out the interval gathers the flushes in between; live delivery shows at most 30 updates/s anyway.
        long wait = lastAnnounceNanos + intervalNanos - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
        lastAnnounceNanos = System.nanoTime();
        List<TrackedEvent> events = new ArrayList<>();
        for (TrackedEvent e = unannounced.poll(); e != null; e = unannounced.poll()) {
            events.add(e);
        }
        try {
            // On this thread, so the next announcement waits for this one and keeps the order.
            flushed.fireAsync(new EventsFlushed(events, Instant.now()), NotificationOptions.ofExecutor(Runnable::run));
        } finally {
            room.release(events.size());
        }
    }

    void shutdown() {
        thread.shutdown();
    }
}
