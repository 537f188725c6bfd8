package com.acme.analytics.domain.jobs;

import java.time.Instant;
import java.util.Objects;

/**
 * One state of a job, as its followers are told: fired as a CDI event by the instance that runs the job (synchronously,
 * on the worker's thread: observers must be quick), and what {@link JobStates} answers for a follower who arrives
 * later.
 *
 * @param workspaceId   the job's workspace: only its clients follow the job
 * @param jobId         the job's id (a UUID)
 * @param kind          an update, the completion or the failure
 * @param stage         uploaded, parsing, profiling, correlating, insights_ready or error
 * @param progress      0-100, never lower than an earlier update of the same job
 * @param message       a sentence for people
 * @param at            when this state was reached
 * @param insightsJson  the insights object (JSON text) of a completion, or null: always null for an update or a
 *                      failure, and may be null for a completion heard from another instance (then read it from
 *                      {@link JobStates})
 */
public record JobProgress(String workspaceId, String jobId, Kind kind, String stage, int progress, String message,
                          Instant at, String insightsJson) {

    /** Which job message this state is. */
    public enum Kind {
        UPDATE("job_update"), COMPLETE("job_complete"), ERROR("job_error");

        private final String messageType;

        Kind(String messageType) {
            this.messageType = messageType;
        }

        /** The {@code type} of its message: job_update, job_complete or job_error. */
        public String messageType() {
            return messageType;
        }

        public boolean terminal() {
            return this != UPDATE;
        }
    }

    public JobProgress {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
        if (progress < 0 || progress > 100) {
            throw new IllegalArgumentException("progress " + progress);
        }
    }

    /** The same state without its insights (what travels to other instances). */
    public JobProgress withoutInsights() {
        return insightsJson == null ? this : new JobProgress(workspaceId, jobId, kind, stage, progress, message, at,
                null);
    }
}
