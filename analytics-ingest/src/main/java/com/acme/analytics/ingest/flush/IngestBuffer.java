package com.acme.analytics.ingest.flush;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded in-memory queue between ingest requests and the {@link BatchFlusher}. Producers never block: a
 * submission that does not fit whole is refused whole, so memory stays bounded and a refused request stores
 * nothing. Capacity is counted in events, not requests.
 */
@ApplicationScoped
public class IngestBuffer {

    private final int capacity;
    private final Queue<Submission> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger events = new AtomicInteger();
    private final AtomicInteger awaitingCommit = new AtomicInteger();

    /** @param capacity the most events held at once */
    @Inject
    public IngestBuffer(@ConfigProperty(name = "analytics.ingest.buffer-capacity") int capacity) {
        this.capacity = capacity;
    }

    /** For the CDI proxy only. */
    protected IngestBuffer() {
        this.capacity = 0;
    }

    /** @return false when the submission does not fit; nothing of it was taken */
    public boolean offer(Submission submission) {
        // Only producers take this lock; the drainer only frees space, so the capacity check stays true.
        synchronized (this) {
            if (capacity - events.get() < submission.size()) {
                return false;
            }
            events.addAndGet(submission.size());
            if (submission.ack() == Submission.Ack.COMMITTED) {
                awaitingCommit.incrementAndGet();
            }
            queue.add(submission);
            return true;
        }
    }

    /** Removes the oldest submissions, up to {@code maxEvents} events but at least one submission if any. */
    public List<Submission> drain(int maxEvents) {
        List<Submission> out = new ArrayList<>();
        int taken = 0;
        Submission next;
        while ((next = queue.peek()) != null && (out.isEmpty() || taken + next.size() <= maxEvents)) {
            queue.poll();
            out.add(next);
            taken += next.size();
            if (next.ack() == Submission.Ack.COMMITTED) {
                awaitingCommit.decrementAndGet();
            }
        }
        events.addAndGet(-taken);
        return out;
    }

    /** Events waiting. */
    public int size() {
        return events.get();
    }

    public int capacity() {
        return capacity;
    }

    /** Whether a caller is waiting for a commit, which is worth a flush at once. */
    boolean hasAwaitingCommit() {
        return awaitingCommit.get() > 0;
    }
}
