package com.acme.analytics.ingest.jobs;

import com.acme.analytics.domain.jobs.JobProgress;

import java.time.Instant;

/**
 * A job as stored.
 *
 * @param status       queued, running, done, failed or cancelled
 * @param insightsJson the insights (JSON text) once done, else null
 */
public record JobView(String id, String name, String status, String stage, int progress, String message, long bytes,
                      int attempts, Instant createdAt, Instant startedAt, Instant updatedAt, Instant finishedAt,
                      String insightsJson) {

    public boolean finished() {
        return status.equals("done") || status.equals("failed") || status.equals("cancelled");
    }

    /** Its state as its followers are told. */
    public JobProgress progressOf(String workspaceId) {
        JobProgress.Kind kind = status.equals("done") ? JobProgress.Kind.COMPLETE
                : finished() ? JobProgress.Kind.ERROR : JobProgress.Kind.UPDATE;
        return new JobProgress(workspaceId, id, kind, stage, progress, message, updatedAt, insightsJson);
    }
}
