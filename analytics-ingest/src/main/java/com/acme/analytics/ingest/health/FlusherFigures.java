package com.acme.analytics.ingest.health;

import com.acme.analytics.domain.health.IngestFigures;
import com.acme.analytics.ingest.flush.BatchFlusher;
import com.acme.analytics.ingest.flush.IngestBuffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The flusher's counters, as the system monitor reads them. */
@ApplicationScoped
public class FlusherFigures implements IngestFigures {

    @Inject
    BatchFlusher flusher;
    @Inject
    IngestBuffer buffer;

    @Override
    public Reading read() {
        BatchFlusher.FlushStatus status = flusher.status();
        return new Reading(status.stored(), status.waiting(), buffer.capacity(), status.lastWriteMillis(), flusher.isHealthy());
    }
}
