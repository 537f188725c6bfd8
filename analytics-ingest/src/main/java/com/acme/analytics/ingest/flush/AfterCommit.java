package com.acme.analytics.ingest.flush;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * What follows a commit (the stored events recorded for the live windows and announced, then their requests
 * answered) on a thread of its own, in commit order, so that the committer starts the next chunk's write meanwhile.
 * On the committer it was serial time in which PostgreSQL waited: the committer's backend was busy 70 % of the time
 * under batch load (bench/README.md), and the live windows were most of the committer thread's own work. The order
 * is kept: the live windows before the answers (a client reads its own writes), announcements in commit order.
 *
 * <p>Bounded: when the stored events of {@code aheadEvents} wait, the committer waits before handing over more, so
 * that memory stays bounded as the buffer bounds it. Thread-safe.
 */
final class AfterCommit {

    private final ExecutorService thread;
    private final int aheadEvents;
    private final Semaphore room;

    /** @param thread a single thread; tasks run in the order handed over */
    AfterCommit(ExecutorService thread, int aheadEvents) {
        this.thread = thread;
        this.aheadEvents = aheadEvents;
        this.room = new Semaphore(aheadEvents);
    }

    /** Hands over the work of {@code events} stored events (waiting while too many wait). */
    void stored(int events, Runnable task) {
        int permits = Math.min(events, aheadEvents);
        room.acquireUninterruptibly(permits);
        thread.execute(() -> {
            try {
                task.run();
            } finally {
                room.release(permits);
            }
        });
    }

    /** Hands over work that follows the stored events handed over before it. */
    void then(Runnable task) {
        thread.execute(task);
    }

    /** Runs what was handed over, then stops. */
    void shutdown() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(30, TimeUnit.SECONDS);
    }
}
