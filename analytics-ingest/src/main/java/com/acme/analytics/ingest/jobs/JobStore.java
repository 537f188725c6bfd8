package com.acme.analytics.ingest.jobs;

import com.acme.analytics.domain.jobs.JobProgress;
import com.acme.analytics.domain.jobs.JobStates;
import com.acme.analytics.domain.jobs.JobsOverview;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;

/**
 * The jobs and their uploads in PostgreSQL (V100), over plain JDBC. An upload is written in chunks of
 * {@value #CHUNK_BYTES} bytes in one transaction that also queues its job: a job is claimable only once its whole
 * file is stored, and an upload cut short leaves nothing behind.
 */
@ApplicationScoped
public class JobStore implements JobStates {

    static final int CHUNK_BYTES = 1024 * 1024;
    private static final String COLUMNS = "id, workspace_id, name, status, stage, progress, message, bytes, attempts,"
            + " created_at, started_at, updated_at, finished_at, insights::text";

    @Resource(lookup = "java:app/jdbc/analytics")
    DataSource dataSource;

    /**
     * Stores the upload as it arrives (one chunk in memory at a time) and queues its job.
     *
     * @throws UploadTooLargeException as soon as the body passes {@code maxBytes}; nothing is kept
     */
    public JobView upload(String workspaceId, String name, InputStream body, long maxBytes)
            throws SQLException, IOException {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("insert into analysis_job (id, workspace_id, name,"
                        + " status, stage, message, bytes) values (?, ?, ?, 'queued', 'uploaded', ?, 0)")) {
                    ps.setObject(1, id);
                    ps.setString(2, workspaceId);
                    ps.setString(3, name);
                    ps.setString(4, "Uploaded; waiting for a worker.");
                    ps.executeUpdate();
                }
                long total = storeChunks(c, id, body, maxBytes);
                try (PreparedStatement ps = c.prepareStatement("update analysis_job set bytes = ? where id = ?")) {
                    ps.setLong(1, total);
                    ps.setObject(2, id);
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        return find(workspaceId, id.toString()).orElseThrow();
    }

    private static long storeChunks(Connection c, UUID id, InputStream body, long maxBytes)
            throws SQLException, IOException {
        byte[] buffer = new byte[CHUNK_BYTES];
        long total = 0;
        int seq = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "insert into analysis_upload_chunk (job_id, seq, data) values (?, ?, ?)")) {
            while (true) {
                int n = body.readNBytes(buffer, 0, buffer.length);
                if (n == 0) {
                    return total;
                }
                total += n;
                if (total > maxBytes) {
                    throw new UploadTooLargeException(maxBytes);
                }
                ps.setObject(1, id);
                ps.setInt(2, seq++);
                ps.setBytes(3, n == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, n));
                ps.executeUpdate();
            }
        }
    }

    /** A job's stored upload, its chunks read from the database as the analysis goes ({@link UploadStream}). */
    CsvAnalysis.Upload storedUpload(UUID id, ThreadFactory threads) throws SQLException {
        long bytes;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select bytes from analysis_job where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                bytes = rs.next() ? rs.getLong(1) : 0;
            }
        }
        return new CsvAnalysis.Upload() {
            @Override
            public long size() {
                return bytes;
            }

            @Override
            public InputStream open() {
                return new UploadStream(seq -> chunk(id, seq), threads);
            }
        };
    }

    /** One chunk of an upload, or null past its last. */
    private byte[] chunk(UUID id, int seq) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select data from analysis_upload_chunk where job_id = ? and seq = ?")) {
            ps.setObject(1, id);
            ps.setInt(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    public Optional<JobView> find(String workspaceId, String jobId) throws SQLException {
        UUID id = uuid(jobId);
        if (id == null) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select " + COLUMNS + " from analysis_job where workspace_id = ? and id = ?")) {
            ps.setString(1, workspaceId);
            ps.setObject(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(view(rs)) : Optional.empty();
            }
        }
    }

    /** The workspace's jobs, newest first, without their insights. */
    public List<JobView> list(String workspaceId, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select " + COLUMNS.replace("insights::text", "null") + " from analysis_job where workspace_id = ?"
                        + " order by created_at desc limit ?")) {
            ps.setString(1, workspaceId);
            ps.setInt(2, limit);
            List<JobView> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(view(rs));
                }
            }
            return out;
        }
    }

    @Override
    public Optional<JobProgress> current(String workspaceId, String jobId) throws SQLException {
        return find(workspaceId, jobId).map(v -> v.progressOf(workspaceId));
    }

    /** Deletes a finished job (its upload with it); false when it is not finished or not there. */
    public boolean deleteFinished(String workspaceId, String jobId) throws SQLException {
        return update("delete from analysis_job where workspace_id = ? and id = ?"
                + " and status in ('done', 'failed', 'cancelled')", workspaceId, jobId) == 1;
    }

    /**
     * Asks for a job to stop: a queued one (or one whose instance died) is cancelled at once, a running one is
     * flagged for its worker, which sees the flag within half a second.
     *
     * @return true when it was cancelled here and then
     */
    public boolean cancelWaiting(String workspaceId, String jobId) throws SQLException {
        return update("update analysis_job set status = 'cancelled', stage = 'error', progress = 0, message = '"
                + JobRun.CANCELLED + "', finished_at = now(), updated_at = now(), lease_owner = null"
                + " where workspace_id = ? and id = ? and (status = 'queued' or (status = 'running'"
                + " and lease_until < now()))", workspaceId, jobId) == 1;
    }

    public boolean requestCancel(String workspaceId, String jobId) throws SQLException {
        return update("update analysis_job set cancel_requested = true where workspace_id = ? and id = ?"
                + " and status = 'running'", workspaceId, jobId) == 1;
    }

    private int update(String sql, String workspaceId, String jobId) throws SQLException {
        UUID id = uuid(jobId);
        if (id == null) {
            return 0;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, workspaceId);
            ps.setObject(2, id);
            return ps.executeUpdate();
        }
    }

    /** Deletes the upload of a job that ended: nobody reads it again. */
    void dropUpload(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "delete from analysis_upload_chunk where job_id = ?")) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
    }

    /** Queued and running jobs of every instance, oldest first; of one workspace when it is named. */
    List<JobsOverview.JobSummary> active(String workspaceId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select id,"
                + " workspace_id, name, status, stage, progress, message, bytes, created_at, started_at, updated_at"
                + " from analysis_job where status in ('queued', 'running') and (? is null or workspace_id = ?)"
                + " order by created_at limit 500")) {
            ps.setString(1, workspaceId);
            ps.setString(2, workspaceId);
            List<JobsOverview.JobSummary> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new JobsOverview.JobSummary(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7), rs.getLong(8),
                            instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11))));
                }
            }
            return out;
        }
    }

    /** Jobs waiting for a worker on any instance. */
    long queued() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from analysis_job where status = 'queued'"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    static UUID uuid(String jobId) {
        try {
            return jobId == null ? null : UUID.fromString(jobId);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static JobView view(ResultSet rs) throws SQLException {
        return new JobView(rs.getString(1), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                rs.getString(7), rs.getLong(8), rs.getInt(9), instant(rs.getTimestamp(10)),
                instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)), instant(rs.getTimestamp(13)),
                rs.getString(14));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
