package com.acme.analytics.ingest.health;

import com.acme.analytics.domain.health.IngestFigures;
import com.acme.analytics.ingest.flush.BatchFlusher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The flusher's counters, as the system monitor reads them. */
@ApplicationScoped
public class FlusherFigures implements IngestFigures {

    @Inject
    BatchFlusher flusher;

    @Override
    public Reading read() {
        BatchFlusher.FlushStatus status = flusher.status();
        return new Reading(status.stored(), status.waiting(), status.lastWriteMillis(), flusher.isHealthy());
    }
}
