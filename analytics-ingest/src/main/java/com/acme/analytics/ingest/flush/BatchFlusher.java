package com.acme.analytics.ingest.flush;

import com.acme.analytics.domain.database.DirectConnections;
import com.acme.analytics.domain.events.EventsFlushed;
import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.ingest.deadletters.DeadLetter;
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
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drives the {@link CommitLoop} that drains the {@link IngestBuffer} into PostgreSQL. A flush runs at once when a
 * caller waits for its commit (group commit: whatever arrived while the previous write ran goes into the next
 * statement, so batches grow with load and a lone event waits only for one write; right after a write, a small
 * flush first waits the commit delay to gather more), when the buffer reaches its flush size, on a non-persistent
 * interval timer, and once more when the application stops. One flush runs at a time. What fails is the loop's and
 * its {@link FlushFailures}' business; answering is {@link Answers}', announcing {@link Announcer}'s.
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
    @ConfigProperty(name = "analytics.ingest.outage.initial-backoff-ms")
    long initialBackoffMs;
    @Inject
    @ConfigProperty(name = "analytics.ingest.outage.max-backoff-ms")
    long maxBackoffMs;
    @Inject
    @ConfigProperty(name = "analytics.ingest.failure-log-interval-ms")
    long failureLogIntervalMs;
    @Inject
    DirectConnections connections;
    @Inject
    CommitRequests requests;

    private EventStore store;
    private Answers answers;
    private Announcer announcer;
    private FlushFailures failures;
    private CommitLoop loop;
    private Thread committer;
    private volatile boolean running = true;
    private final ReentrantLock flushing = new ReentrantLock();
    private final AtomicLong storedCount = new AtomicLong();
    private final AtomicLong duplicateCount = new AtomicLong();
    private final AtomicLong deadLetterCount = new AtomicLong();
    private volatile Instant lastFlush;
    private volatile double lastWriteMillis;
    private volatile double averageWriteMillis;
    /** When the last write ended; nanoTime has an arbitrary origin, so the gaps are measured from a real reading. */
    private volatile long lastWriteEndNanos = System.nanoTime();

    @PostConstruct
    void start() {
        store = new EventStore(connections);
        answers = new Answers(Executors.newFixedThreadPool(2, threads));
        announcer = new Announcer(flushed, Executors.newSingleThreadExecutor(threads), announceIntervalMs,
                buffer.capacity());
        failures = new FlushFailures(answers, retryAfterSeconds, failureLogIntervalMs);
        loop = new CommitLoop(store, buffer::drain, maxBatch, new CommitLoop.Committed() {
            @Override
            public void stored(List<TrackedEvent> stored) {
                announcer.stored(stored);
            }

            @Override
            public void settled(Submission s, Submission.Outcome outcome) {
                storedCount.addAndGet(outcome.stored());
                duplicateCount.addAndGet(outcome.duplicates());
                answers.settled(s, outcome);
            }

            @Override
            public void deadLettered(List<DeadLetter> letters) {
                deadLetterCount.addAndGet(letters.size());
            }
        }, failures, initialBackoffMs, maxBackoffMs, System::nanoTime);
        requests.attach(loop::retryInNanos);
        timers.createIntervalTimer(intervalMs, intervalMs, new TimerConfig("batch-flush", false));
        committer = threads.newThread(this::commitWhenAsked);
        committer.setName("ingest-committer");
        committer.start();
    }

    @Timeout
    void onTimer() {
        flush();
    }

    private void commitWhenAsked() {
        while (running) {
            try {
                // Backing off after an outage: wake at its end to write the kept events, asked or not.
                requests.await(loop.retryInNanos());
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
        } while (buffer.hasAwaitingCommit() && loop.retryInNanos() <= 0);
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
        long start = System.nanoTime();
        int tried = loop.writeAll();
        lastWriteEndNanos = System.nanoTime();
        if (!loop.inOutage()) {
            if (tried > 0) {
                recordLatency((lastWriteEndNanos - start) / 1e6);
            }
            lastFlush = Instant.now();
        }
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
        int left = buffer.size() + loop.waiting();
        if (left > 0) {
            LOG.severe(left + " buffered events could not be written before shutdown");
        }
    }

    /** The write side of the pipeline status. */
    public FlushStatus status() {
        return new FlushStatus(buffer.size() + loop.waiting(), flushing.isLocked(), lastFlush, storedCount.get(),
                duplicateCount.get(), failures.refusedEvents(), deadLetterCount.get(), failures.failedFlushes(),
                lastWriteMillis, averageWriteMillis);
    }

    /**
     * Up while the timer is scheduled and the database took the last write attempt or probe (once an outage's
     * backoff ends with nothing to write, the committer probes the database); an event the database refused for
     * its data is no outage and does not count.
     */
    public boolean isHealthy() {
        return !loop.inOutage() && !timers.getTimers().isEmpty();
    }

    /**
     * @param waiting           events in memory, not yet written
     * @param processing        whether a flush runs now
     * @param lastFlush         when the last flush that did not fail ended
     * @param stored            events stored since start
     * @param duplicates        events not stored again because their id was seen within the dedupe window
     * @param refused           events the database refused for what they hold since start (answered 400, or,
     *                          buffered, dead-lettered)
     * @param deadLettered      refused buffered events stored in the dead-letter table since start
     * @param failedFlushes     write attempts (and probes) that found the database unavailable since start
     * @param lastWriteMillis   duration of the last flush
     * @param averageWriteMillis moving average of the flush duration
     */
    public record FlushStatus(int waiting, boolean processing, Instant lastFlush, long stored, long duplicates,
                              long refused, long deadLettered, long failedFlushes, double lastWriteMillis,
                              double averageWriteMillis) {
    }
}
