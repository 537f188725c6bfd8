package com.acme.analytics.ingest.jobs;

import com.acme.analytics.domain.jobs.JobsOverview;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
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
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement("select id, workspace_id,"
                + " name, status, stage, progress, message, bytes, created_at, started_at, updated_at"
                + " from analysis_job where status in ('queued', 'running') and (? is null or workspace_id = ?)"
                + " order by created_at limit 500")) {
            ps.setString(1, workspaceId);
            ps.setString(2, workspaceId);
            List<JobSummary> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new JobSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6), rs.getString(7), rs.getLong(8), at(rs.getTimestamp(9)),
                            at(rs.getTimestamp(10)), at(rs.getTimestamp(11))));
                }
            }
            return out;
        }
    }

    @Override
    public WorkerCounts workers() throws SQLException {
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from analysis_job where status = 'queued'"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            int busy = workers.busy();
            return new WorkerCounts(busy, Math.max(0, workers.workers() - busy), rs.getLong(1));
        }
    }

    private static Instant at(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
