package com.acme.analytics.realtime.alerts;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the rules' comparison windows are re-read off the evaluation's clock: on one executor, at most one read per
 * rule queued or running however many ticks find it due, with the CPU the reads take counted (it is part of what
 * the evaluation costs).
 */
final class BaselineRefresher {

    private final Executor executor;
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();
    private final AtomicLong cpuNanos = new AtomicLong();
    private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();

    /** @param executor one thread of the container's (tests run the reads in place, or hold them) */
    BaselineRefresher(Executor executor) {
        this.executor = executor;
    }

    /** Queues the rule's read, unless one of it is queued or running already; {@code read} handles its failures. */
    void refresh(String ruleId, Runnable read) {
        if (!refreshing.add(ruleId)) {
            return;
        }
        executor.execute(() -> {
            long start = cpu.getCurrentThreadCpuTime();
            try {
                read.run();
            } finally {
                refreshing.remove(ruleId);
                cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - start);
            }
        });
    }

    /** The CPU time the reads took, in nanoseconds. */
    long cpuNanos() {
        return cpuNanos.get();
    }
}
