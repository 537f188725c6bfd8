package com.acme.analytics.ingest.flush;

import com.acme.analytics.domain.events.TrackedEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
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
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drains the {@link IngestBuffer} into PostgreSQL: on a non-persistent interval timer, as soon as the buffer
 * reaches its flush size, and once more when the application stops. One flush runs at a time; it writes what is
 * present in chunks of at most {@code max-batch}, one transaction each. A chunk that fails is kept and retried
 * first on the next flush, so an accepted event is never dropped while the process lives.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class BatchFlusher {

    private static final Logger LOG = Logger.getLogger(BatchFlusher.class.getName());

    @Inject
    IngestBuffer buffer;
    @Inject
    @ConfigProperty(name = "analytics.db.url")
    String databaseUrl;
    @Inject
    @ConfigProperty(name = "analytics.db.user")
    String databaseUser;
    @Inject
    @ConfigProperty(name = "analytics.db.password")
    Optional<String> databasePassword;
    @Inject
    Event<EventsFlushed> flushed;
    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "analytics.ingest.flush-interval-ms")
    long intervalMs;
    @Inject
    @ConfigProperty(name = "analytics.ingest.max-batch")
    int maxBatch;

    private EventStore store;
    private final ReentrantLock flushing = new ReentrantLock();
    private final AtomicLong flushedCount = new AtomicLong();
    private final AtomicLong failedFlushes = new AtomicLong();
    private volatile Instant lastFlush;
    private volatile boolean lastAttemptFailed;
    /** A chunk whose write failed, retried before anything newer; guarded by {@link #flushing}. */
    private List<TrackedEvent> retry = List.of();

    @PostConstruct
    void scheduleFlushes() {
        store = new EventStore(databaseUrl, databaseUser, databasePassword.orElse(""));
        timers.createIntervalTimer(intervalMs, intervalMs, new TimerConfig("batch-flush", false));
    }

    @Timeout
    void onTimer() {
        flush();
    }

    /** Starts a flush on another thread, unless one is running; used when the buffer fills up. */
    @Asynchronous
    public void flushSoon() {
        flush();
    }

    /** Writes everything buffered now. Returns without waiting when another flush is running. */
    public void flush() {
        if (!flushing.tryLock()) {
            return;
        }
        try {
            List<TrackedEvent> written = new ArrayList<>();
            List<TrackedEvent> chunk = retry.isEmpty() ? buffer.drain(maxBatch) : retry;
            while (!chunk.isEmpty()) {
                try {
                    written.addAll(store.write(chunk));
                    retry = List.of();
                    lastAttemptFailed = false;
                } catch (Exception e) {
                    retry = chunk;
                    lastAttemptFailed = true;
                    failedFlushes.incrementAndGet();
                    LOG.log(Level.WARNING, "Flush of " + chunk.size() + " events failed; kept for the next attempt", e);
                    break;
                }
                chunk = buffer.drain(maxBatch);
            }
            if (!lastAttemptFailed) {
                lastFlush = Instant.now();
            }
            if (!written.isEmpty()) {
                flushedCount.addAndGet(written.size());
                flushed.fireAsync(new EventsFlushed(written, Instant.now()));
            }
        } finally {
            flushing.unlock();
        }
    }

    @PreDestroy
    void flushOnShutdown() {
        flushing.lock();
        flushing.unlock();
        flush();
        store.close();
        int left = buffer.size() + retry.size();
        if (left > 0) {
            LOG.severe(left + " buffered events could not be written before shutdown");
        }
    }

    public PipelineStatus status() {
        return new PipelineStatus(buffer.size() + retry.size(), flushing.isLocked(), lastFlush, flushedCount.get(),
                failedFlushes.get());
    }

    /** Up while the timer is scheduled and the last write attempt succeeded. */
    public boolean isHealthy() {
        return !lastAttemptFailed && !timers.getTimers().isEmpty();
    }
}
