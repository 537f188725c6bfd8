package com.acme.analytics.ingest.simulator;

import com.acme.analytics.domain.logging.ThrottledLog;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A {@code start}ed simulation on a thread of its own: sends the events due (see {@link Pacer}) through the ingest
 * path, renews its heartbeat with its counts, and ends when its duration runs out, when it is stopped (by this
 * instance or, seen at the heartbeat, by another), or at shutdown. Ingest refusing its events for a while (buffer
 * full, database away) does not end it: those events are skipped, and it goes on.
 */
final class ContinuousSimulation implements Runnable {

    private static final Logger LOG = Logger.getLogger(ContinuousSimulation.class.getName());
    /** Warns that ingest refused the simulation's events at most every 30 s. */
    private final ThrottledLog refusedLog = new ThrottledLog(LOG, 30_000);

    private final SimulationView started;
    private final EventGenerator generator;
    private final SimulatedIngest ingest;
    private final SimulationStore store;
    private final Clock clock;
    private final Consumer<ContinuousSimulation> onEnd;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final AtomicReference<SimulationView> ended = new AtomicReference<>();
    private final AtomicLong generated = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile Thread thread;
    private volatile boolean recordEnd = true;

    /** @param onEnd told once the simulation ended, whichever way */
    ContinuousSimulation(SimulationView started, EventGenerator generator, SimulatedIngest ingest,
                         SimulationStore store, Clock clock, Consumer<ContinuousSimulation> onEnd) {
        this.started = started;
        this.generator = generator;
        this.ingest = ingest;
        this.store = store;
        this.clock = clock;
        this.onEnd = onEnd;
    }

    String id() {
        return started.id();
    }

    String workspaceId() {
        return started.organizationId();
    }

    /** Its state now, with the counts of this instance's memory (fresher than the row's). */
    SimulationView view() {
        SimulationView end = ended.get();
        return (end != null ? end : started).withCounts(generated.get(), rejected.get());
    }

    void startOn(Thread thread) {
        this.thread = thread;
        thread.setName("simulation-" + id());
        thread.start();
    }

    @Override
    public void run() {
        Pacer pacer = new Pacer(started.eventsPerMinute(), started.startedAt());
        Instant nextHeartbeat = clock.instant().plus(SimulationStore.HEARTBEAT);
        String status = SimulationView.COMPLETED;
        String reason = null;
        try {
            while (true) {
                Instant now = clock.instant();
                boolean over = started.endsAt() != null && !now.isBefore(started.endsAt());
                int due = pacer.take(over ? started.endsAt() : now);
                if (due > 0) {
                    try {
                        SimulatedIngest.Tally t = ingest.submit(generator.next(due));
                        generated.addAndGet(t.accepted());
                        rejected.addAndGet(t.rejected());
                    } catch (RuntimeException e) {
                        refusedLog.log(Level.WARNING, "Simulation " + id() + ": ingest refused its events; going on", e);
                    }
                }
                if (over) {
                    break;
                }
                if (!now.isBefore(nextHeartbeat)) {
                    nextHeartbeat = now.plus(SimulationStore.HEARTBEAT);
                    if (!heartbeat()) {
                        return;
                    }
                }
                if (stop.await(pacer.untilNext(clock.instant()).toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            return;
        } catch (RuntimeException | Error e) {
            status = SimulationView.FAILED;
            reason = "stopped by an unexpected error: " + e;
            LOG.log(Level.SEVERE, "Simulation " + id() + " failed", e);
        } finally {
            ended.compareAndSet(null, view().ended(status, clock.instant(), reason));
            if (recordEnd) {
                record();
            }
            onEnd.accept(this);
        }
    }

    /**
     * Stops it and waits for its thread, at most {@code wait} (then interrupts it and waits as long again).
     *
     * @param record whether its thread writes the end to the table; at shutdown the caller writes them all
     */
    void stop(String status, String reason, Duration wait, boolean record) throws InterruptedException {
        recordEnd = record;
        ended.compareAndSet(null, view().ended(status, clock.instant(), reason));
        stop.countDown();
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            t.join(wait.toMillis());
            if (t.isAlive()) {
                t.interrupt();
                t.join(wait.toMillis());
            }
        }
    }

    private boolean heartbeat() {
        try {
            if (store.heartbeat(id(), generated.get(), rejected.get())) {
                return true;
            }
            ended.compareAndSet(null, view().ended(SimulationView.STOPPED, clock.instant(), "stopped by request"));
            return false;
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Simulation " + id() + ": heartbeat not written", e);
            return true;
        }
    }

    private void record() {
        try {
            store.finish(view());
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Simulation " + id() + ": its end was not recorded", e);
        }
    }
}
