package com.acme.analytics.domain.health;

/** The ingest pipeline's counters for the system monitor; implemented by the ingest module. */
public interface IngestFigures {

    /** A reading of the counters now; cheap (no I/O), safe from any thread. */
    Reading read();

    /**
     * @param stored          events stored since start (a rate is the difference of two readings)
     * @param buffered        events in memory, not yet written
     * @param bufferCapacity  the most events the buffer holds (beyond it ingest answers 503)
     * @param flushLatencyMs  duration of the last flush
     * @param healthy         whether the flusher is out of an outage and scheduled
     */
    record Reading(long stored, int buffered, int bufferCapacity, double flushLatencyMs, boolean healthy) {
    }
}
