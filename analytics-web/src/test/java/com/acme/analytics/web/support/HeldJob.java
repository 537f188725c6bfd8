package com.acme.analytics.web.support;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A job queued straight into the database whose worker cannot read its upload until the test releases it: the
 * test holds an exclusive lock on the upload table, so the worker that claims the job waits, running, for as long
 * as the test needs to look at it. Then its upload (written under that lock) is read and analysed as any other.
 */
public final class HeldJob implements AutoCloseable {

    private final Connection lock;
    private final String id;

    private HeldJob(Connection lock, String id) {
        this.lock = lock;
        this.id = id;
    }

    public static HeldJob queue(TestDatabase db, String workspaceId, String csv) throws SQLException {
        Connection lock = db.connect();
        try {
            lock.setAutoCommit(false);
            try (Statement st = lock.createStatement()) {
                st.execute("lock table analysis_upload_chunk in access exclusive mode");
            }
            UUID id = UUID.randomUUID();
            byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
            try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("insert into analysis_job"
                    + " (id, workspace_id, name, status, stage, message, bytes)"
                    + " values (?, ?, 'held.csv', 'queued', 'uploaded', 'Uploaded; waiting for a worker.', ?)")) {
                ps.setObject(1, id);
                ps.setString(2, workspaceId);
                ps.setLong(3, bytes.length);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = lock.prepareStatement(
                    "insert into analysis_upload_chunk (job_id, seq, data) values (?, 0, ?)")) {
                ps.setObject(1, id);
                ps.setBytes(2, bytes);
                ps.executeUpdate();
            }
            return new HeldJob(lock, id.toString());
        } catch (SQLException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public String id() {
        return id;
    }

    /** Lets the worker read the upload; the job then runs to its end. */
    @Override
    public void close() throws SQLException {
        if (!lock.isClosed()) {
            lock.commit();
            lock.close();
        }
    }
}
