package com.acme.analytics.ingest.events;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.ingest.flush.BatchFlusher;
import com.acme.analytics.ingest.flush.IngestBuffer;
import com.acme.analytics.ingest.flush.IngestUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * Accepts validated events into the buffer (the documented buffered mode: accepted before written) and asks for a
 * flush as soon as the buffer holds {@code buffer-size} events.
 */
@ApplicationScoped
public class TrackEvents {

    @Inject
    IngestBuffer buffer;
    @Inject
    BatchFlusher flusher;
    @Inject
    @ConfigProperty(name = "analytics.ingest.buffer-size")
    int flushSize;
    @Inject
    @ConfigProperty(name = "analytics.ingest.retry-after-seconds")
    int retryAfterSeconds;

    /** @throws IngestUnavailableException when the events do not fit in the buffer; none of them was taken */
    public void accept(List<TrackedEvent> events) {
        if (!buffer.offerAll(events)) {
            throw new IngestUnavailableException("The ingest buffer is full; retry shortly", retryAfterSeconds);
        }
        if (buffer.size() >= flushSize) {
            flusher.flushSoon();
        }
    }
}
