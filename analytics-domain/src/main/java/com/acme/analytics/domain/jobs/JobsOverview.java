package com.acme.analytics.domain.jobs;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The jobs and workers at a glance, for the system monitor; implemented by the job runner's module. */
public interface JobsOverview {

    /**
     * The queued and running jobs of every instance, oldest first.
     *
     * @param workspaceId only this workspace's, or null for all
     */
    List<JobSummary> active(String workspaceId) throws SQLException;

    /** This instance's workers, and the jobs waiting for any instance's. */
    WorkerCounts workers() throws SQLException;

    /**
     * A queued or running job.
     *
     * @param status    queued or running
     * @param startedAt when its current run started, null while queued
     */
    record JobSummary(String jobId, String workspaceId, String name, String status, String stage, int progress,
                      String message, long bytes, Instant createdAt, Instant startedAt, Instant updatedAt) {
    }

    /**
     * @param busy   this instance's workers running a job
     * @param idle   this instance's workers waiting for one
     * @param queued jobs waiting in the queue, all instances together
     */
    record WorkerCounts(int busy, int idle, long queued) {
    }
}
