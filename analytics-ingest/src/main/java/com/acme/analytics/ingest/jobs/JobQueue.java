package com.acme.analytics.ingest.jobs;

import com.acme.analytics.domain.jobs.JobsOverview;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.SQLException;
import java.util.List;

/** The system monitor's view of the jobs: every instance's active jobs from the queue, this instance's workers. */
@ApplicationScoped
public class JobQueue implements JobsOverview {

    @Inject
    JobStore store;
    @Inject
    JobWorkers workers;

    @Override
    public List<JobSummary> active(String workspaceId) throws SQLException {
        return store.active(workspaceId);
    }

    @Override
    public WorkerCounts workers() throws SQLException {
        int busy = workers.busy();
        return new WorkerCounts(busy, Math.max(0, workers.workers() - busy), store.queued());
    }
}
