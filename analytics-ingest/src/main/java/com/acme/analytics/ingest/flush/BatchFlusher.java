package com.acme.analytics.ingest.flush;

import com.acme.analytics.domain.events.EventsFlushed;
import com.acme.analytics.domain.DatabaseUnavailableException;
import com.acme.analytics.domain.database.DirectConnections;

import com.acme.analytics.domain.events.TrackedEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drains the {@link IngestBuffer} into PostgreSQL. A flush runs at once when a caller waits for its commit (group
 * commit: whatever arrived while the previous write ran goes into the next statement, so batches grow with load
 * and a lone event waits only for one write; right after a write, a small flush first waits the commit delay to
 * gather more), when the buffer reaches its flush size, on a non-persistent interval
 * timer, and once more when the application stops. One flush runs at a time; it writes what is present in chunks
 * of at most {@code max-batch} events, one statement and transaction each.
 *
 * <p>A chunk that fails is answered per mode: callers waiting for the commit are told it failed (they were not
 * acknowledged and may retry: ids make that safe); buffered events were acknowledged, so they are kept and written
 * first on the next attempt.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "RawEventRetention"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class BatchFlusher {

    private static final Logger LOG = Logger.getLogger(BatchFlusher.class.getName());
    /** Weight of the newest write in the flush latency average. */
    private static final double LATENCY_WEIGHT = 0.2;

    @Inject
    IngestBuffer buffer;
    @Inject
    Event<EventsFlushed> flushed;
    @Resource
    TimerService timers;
    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "analytics.ingest.flush-interval-ms")
    long intervalMs;
    @Inject
    @ConfigProperty(name = "analytics.ingest.max-batch")
    int maxBatch;
    @Inject
    @ConfigProperty(name = "analytics.ingest.buffer-size")
    int bufferSize;
    @Inject
    @ConfigProperty(name = "analytics.ingest.commit-delay-ms")
    long commitDelayMs;
    @Inject
    @ConfigProperty(name = "analytics.ingest.announce-interval-ms")
    long announceIntervalMs;
    @Inject
    @ConfigProperty(name = "analytics.ingest.retry-after-seconds")
    int retryAfterSeconds;
    @Inject
    DirectConnections connections;

    private EventStore store;
    /**
     * Answers the waiting requests, so the committer goes back to writing at once. Like the announcer, threads made
     * once: a ManagedExecutorService captures the application's context for every task, which on Payara scans
     * every jar of the application (half the allocations at 1,000 requests/s, measured with JFR).
     */
    private ExecutorService answers;
    /**
     * Tells the asynchronous observers (live delivery), one flush after the other in commit order. Never the
     * answers' threads: announcing costs a database round trip, and answers queued behind it waited seconds.
     */
    private ExecutorService announcer;
    /** Stored events not announced yet: the announcer takes all there are at once, so its batches grow with load. */
    private final ConcurrentLinkedQueue<TrackedEvent> unannounced = new ConcurrentLinkedQueue<>();
    /** Room for stored events not announced yet, as many as the buffer holds (a chunk comes from the buffer). */
    private Semaphore announceRoom;
    /** When the announcer last took the stored events; announcer thread only. */
    private long lastAnnounceNanos;
    /** Requests for a flush at once; the committer thread takes them all at each wake-up. */
    private final Semaphore wakeUps = new Semaphore(0);
    private Thread committer;
    private volatile boolean running = true;
    private final ReentrantLock flushing = new ReentrantLock();
    private final AtomicLong storedCount = new AtomicLong();
    private final AtomicLong duplicateCount = new AtomicLong();
    private final AtomicLong failedFlushes = new AtomicLong();
    private volatile Instant lastFlush;
    private volatile boolean lastAttemptFailed;
    private volatile double lastWriteMillis;
    private volatile double averageWriteMillis;
    /** When the last write ended. */
    private volatile long lastWriteEndNanos;
    /** Acknowledged events whose write failed, written before anything newer; guarded by {@link #flushing}. */
    private List<Submission> retry = List.of();

    @PostConstruct
    void start() {
        store = new EventStore(connections);
        announceRoom = new Semaphore(buffer.capacity());
        // nanoTime has an arbitrary origin: the gaps are measured from a real reading
        lastWriteEndNanos = System.nanoTime();
        lastAnnounceNanos = lastWriteEndNanos;
        answers = Executors.newFixedThreadPool(2, threads);
        announcer = Executors.newSingleThreadExecutor(threads);
        timers.createIntervalTimer(intervalMs, intervalMs, new TimerConfig("batch-flush", false));
        committer = threads.newThread(this::commitWhenAsked);
        committer.setName("ingest-committer");
        committer.start();
    }

    @Timeout
    void onTimer() {
        flush();
    }

    /**
     * Asks for a flush at once, without waiting for it; used when a caller waits for a commit or the buffer fills
     * up. Costs a semaphore release, so that every request can ask.
     */
    public void flushSoon() {
        wakeUps.release();
    }

    private void commitWhenAsked() {
        while (running) {
            try {
                wakeUps.acquire();
                wakeUps.drainPermits();
                flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Unexpected flush failure; the committer goes on", e);
            }
        }
    }

    /**
     * Writes everything buffered now. Returns without waiting when another flush is running: that flush looks
     * again once it is done, so a caller waiting for its commit is never left for the timer.
     */
    public void flush() {
        do {
            gatherWhileBusy();
            if (!flushing.tryLock()) {
                return;
            }
            try {
                writeAll();
            } finally {
                flushing.unlock();
            }
        } while (buffer.hasAwaitingCommit());
    }

    /**
     * Under a steady stream of single events each flush would carry one or two (they arrive a millisecond apart
     * at 1,000/s, a write takes about as long): 930 transactions/s, measured. Right after a write, waiting the
     * commit delay gathers the next few into one statement; a lone event, or a full flush's worth, goes at once.
     */
    private void gatherWhileBusy() {
        if (buffer.size() >= bufferSize) {
            return;
        }
        long wait = lastWriteEndNanos + TimeUnit.MILLISECONDS.toNanos(commitDelayMs) - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private void writeAll() {
        List<Submission> chunk = retry.isEmpty() ? buffer.drain(maxBatch) : retry;
        while (!chunk.isEmpty()) {
            List<TrackedEvent> events = new ArrayList<>();
            chunk.forEach(s -> events.addAll(s.events()));
            long start = System.nanoTime();
            try {
                List<TrackedEvent> stored = store.write(events);
                recordLatency((System.nanoTime() - start) / 1e6);
                announceStored(stored);
                settle(chunk, stored);
                handOver(stored);
                retry = List.of();
                lastAttemptFailed = false;
            } catch (Exception e) {
                fail(chunk, e);
                break;
            }
            chunk = buffer.drain(maxBatch);
        }
        lastWriteEndNanos = System.nanoTime();
        if (!lastAttemptFailed) {
            lastFlush = Instant.now();
        }
    }

    /**
     * Gives stored events to the announcer, chunk by chunk (under sustained load a flush goes on for as long as
     * events keep coming). Bounded like the buffer: should announcing ever fall behind, the committer waits, the
     * buffer fills and ingest answers 503, rather than memory growing.
     */
    private void handOver(List<TrackedEvent> stored) {
        if (stored.isEmpty()) {
            return;
        }
        announceRoom.acquireUninterruptibly(stored.size());
        unannounced.addAll(stored);
        announcer.execute(this::announce);
    }

    private void announce() {
        if (unannounced.isEmpty()) {
            return; // an earlier task took these
        }
        // Single events arrive about a millisecond apart and each gets a flush of its own: announced one flush at
        // a time they cost a database transaction each (1,200 transactions/s at 1,000 events/s, measured). Waiting
        // out the interval gathers the flushes in between; live delivery shows at most 30 updates/s anyway.
        long wait = lastAnnounceNanos + TimeUnit.MILLISECONDS.toNanos(announceIntervalMs) - System.nanoTime();
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
            announceRoom.release(events.size());
        }
    }

    /**
     * Tells the synchronous observers (the live windows) before the requests are answered, so that a client reads
     * its own writes; the asynchronous ones hear of the whole flush afterwards.
     */
    private void announceStored(List<TrackedEvent> stored) {
        if (stored.isEmpty()) {
            return;
        }
        try {
            flushed.fire(new EventsFlushed(stored, Instant.now()));
        } catch (RuntimeException e) {
            // The events are committed whatever an observer does; their requests must hear so.
            LOG.log(Level.WARNING, "An observer of stored events failed", e);
        }
    }

    private void settle(List<Submission> chunk, List<TrackedEvent> stored) {
        Set<TrackedEvent> isNew = Collections.newSetFromMap(new IdentityHashMap<>());
        isNew.addAll(stored);
        for (Submission s : chunk) {
            int fresh = (int) s.events().stream().filter(isNew::contains).count();
            storedCount.addAndGet(fresh);
            duplicateCount.addAndGet(s.size() - fresh);
            Submission.Outcome outcome = new Submission.Outcome(fresh, s.size() - fresh);
            answers.execute(() -> s.outcome().complete(outcome));
        }
    }

    private void fail(List<Submission> chunk, Exception e) {
        lastAttemptFailed = true;
        failedFlushes.incrementAndGet();
        List<Submission> kept = new ArrayList<>();
        for (Submission s : chunk) {
            if (s.ack() == Submission.Ack.BUFFERED) {
                kept.add(s);
            } else {
                DatabaseUnavailableException failure = new DatabaseUnavailableException(
                        "The events could not be stored (database unavailable); nothing was stored, retry",
                        retryAfterSeconds);
                answers.execute(() -> s.outcome().completeExceptionally(failure));
            }
        }
        retry = kept;
        LOG.log(Level.WARNING, "Flush of " + chunk.size() + " submissions failed; " + kept.size()
                + " acknowledged ones kept for the next attempt", e);
    }

    private void recordLatency(double millis) {
        lastWriteMillis = millis;
        averageWriteMillis = averageWriteMillis == 0 ? millis
                : LATENCY_WEIGHT * millis + (1 - LATENCY_WEIGHT) * averageWriteMillis;
    }

    @PreDestroy
    void flushOnShutdown() {
        running = false;
        committer.interrupt();
        try {
            committer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Waits for a flush in progress instead of leaving it the work, as flush() would.
        flushing.lock();
        try {
            writeAll();
        } finally {
            flushing.unlock();
        }
        store.close();
        answers.shutdown();
        announcer.shutdown();
        int left = buffer.size() + retry.stream().mapToInt(Submission::size).sum();
        if (left > 0) {
            LOG.severe(left + " buffered events could not be written before shutdown");
        }
    }

    /** The write side of the pipeline status. */
    public FlushStatus status() {
        return new FlushStatus(buffer.size() + retry.stream().mapToInt(Submission::size).sum(), flushing.isLocked(),
                lastFlush, storedCount.get(), duplicateCount.get(), failedFlushes.get(), lastWriteMillis,
                averageWriteMillis);
    }

    /** Up while the timer is scheduled and the last write attempt succeeded. */
    public boolean isHealthy() {
        return !lastAttemptFailed && !timers.getTimers().isEmpty();
    }

    /**
     * @param waiting           events in memory, not yet written
     * @param processing        whether a flush runs now
     * @param lastFlush         when the last flush that did not fail ended
     * @param stored            events stored since start
     * @param duplicates        events not stored again because their id was seen within the dedupe window
     * @param failedFlushes     write attempts that failed since start
     * @param lastWriteMillis   duration of the last write statement
     * @param averageWriteMillis moving average of the write duration
     */
    public record FlushStatus(int waiting, boolean processing, Instant lastFlush, long stored, long duplicates,
                              long failedFlushes, double lastWriteMillis, double averageWriteMillis) {
    }
}
