package com.acme.analytics.ingest.flush;

import com.acme.analytics.domain.events.TrackedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * The bounded in-memory queue between ingest and the {@link BatchFlusher}. Producers never block: a batch that
 * does not fit whole is refused whole, so memory stays bounded and a refused request stores nothing.
 */
@ApplicationScoped
public class IngestBuffer {

    private final ArrayBlockingQueue<TrackedEvent> queue;

    /** @param capacity the most events held at once */
    @Inject
    public IngestBuffer(@ConfigProperty(name = "analytics.ingest.buffer-capacity") int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** For the CDI proxy only. */
    protected IngestBuffer() {
        this.queue = null;
    }

    /**
     * Adds all the events or none.
     *
     * @return false when they do not fit
     */
    public boolean offerAll(Collection<TrackedEvent> events) {
        // Only producers take this lock; the drainer only frees space, so the capacity check stays true.
        synchronized (this) {
            if (queue.remainingCapacity() < events.size()) {
                return false;
            }
            queue.addAll(events);
            return true;
        }
    }

    /** Removes and returns up to {@code max} of the oldest events. */
    List<TrackedEvent> drain(int max) {
        List<TrackedEvent> out = new ArrayList<>(Math.min(max, queue.size()));
        queue.drainTo(out, max);
        return out;
    }

    public int size() {
        return queue.size();
    }
}
