package com.acme.analytics.domain.jobs;

import java.sql.SQLException;
import java.util.Optional;

/** The current state of a job, read from the database; implemented by the job runner's module. */
public interface JobStates {

    /**
     * The job's last stored state, with the insights when it completed; empty when the workspace has no such job
     * (another workspace's job included).
     */
    Optional<JobProgress> current(String workspaceId, String jobId) throws SQLException;
}
