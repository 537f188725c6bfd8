package com.acme.analytics.ingest.flush;

import java.time.Instant;

/**
 * The pipeline's state, as the status endpoint reports it.
 *
 * @param bufferSize   events waiting in memory
 * @param isProcessing whether a flush is running now
 * @param lastFlush    when the last successful flush committed, null before the first
 * @param flushed      events written since start, duplicates excluded
 * @param failedFlushes flush attempts that failed since start; their events were kept for the next attempt
 */
public record PipelineStatus(int bufferSize, boolean isProcessing, Instant lastFlush, long flushed,
                             long failedFlushes) {
}
