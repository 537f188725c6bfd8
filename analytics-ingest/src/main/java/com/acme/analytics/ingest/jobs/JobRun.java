package com.acme.analytics.ingest.jobs;

import com.acme.analytics.domain.jobs.JobProgress;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * One run of a claimed job on this instance: its upload analysed as it is read from the database (by a thread of
 * {@code threads}, {@link UploadStream}), its states announced ({@link ProgressThrottle}) and stored. Every write is
 * conditional on this instance still holding the job's lease: a run that lost it (its instance was thought dead and
 * another took the job) ends silently. Progress never falls below what an earlier run of the job reached.
 *
 * <p>Thread-safe: the worker thread analyses, the ticker thread renews the lease and cancels.
 */
final class JobRun implements CsvAnalysis.Progress {

    static final String CANCELLED = "Processing failed: cancelled";
    private static final int MAX_MESSAGE = 500;

    private final UUID id;
    private final String workspaceId;
    private final String owner;
    private final int floor;
    private final JobStore store;
    private final ThreadFactory threads;
    private final Consumer<JobProgress> announce;
    private final ProgressThrottle throttle = new ProgressThrottle();
    private volatile boolean cancelled;
    private volatile boolean lost;
    private String stage = "parsing";
    private int percent;
    private String message = "Reading the upload.";

    JobRun(UUID id, String workspaceId, String owner, int floor, JobStore store, ThreadFactory threads,
           Consumer<JobProgress> announce) {
        this.id = id;
        this.workspaceId = workspaceId;
        this.owner = owner;
        this.floor = floor;
        this.store = store;
        this.threads = threads;
        this.announce = announce;
        this.percent = floor;
    }

    UUID id() {
        return id;
    }

    String workspaceId() {
        return workspaceId;
    }

    /** Runs the job to its end; answers the terminal state announced, or null when the lease was lost. */
    JobProgress run(CsvAnalysis analysis, int lastAttempt, int maxAttempts) {
        at("parsing", floor, "Reading the upload.");
        if (lastAttempt > maxAttempts) {
            return fail("interrupted " + maxAttempts + " times (its instance stopped each time)");
        }
        try {
            JsonObject insights = analysis.analyse(store.storedUpload(id, threads), this);
            return complete(insights.toString());
        } catch (CancellationException e) {
            return fail("cancelled");
        } catch (MalformedCsvException e) {
            return fail(e.getMessage());
        } catch (IOException | SQLException | RuntimeException e) {
            return cancelled ? fail("cancelled") : fail("the analysis stopped: " + e);
        }
    }

    @Override
    public synchronized void at(String stage, int percent, String message) {
        this.stage = stage;
        this.percent = Math.min(99, Math.max(this.percent, percent));
        this.message = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
        if (!lost && throttle.offer(this.stage, this.percent, System.nanoTime())) {
            announce.accept(state(JobProgress.Kind.UPDATE, null));
        }
    }

    @Override
    public boolean cancelled() {
        return cancelled || lost;
    }

    void cancel() {
        cancelled = true;
    }

    /** This instance stops: the run ends without a word, and another instance takes the job up. */
    void abandon() {
        lost = true;
    }

    /**
     * Every half second, on the ticker thread: stores the state and renews the lease; sees a cancellation asked on
     * another instance, a lost lease, and followers who heard nothing for 500 ms.
     */
    void tick(int leaseSeconds) {
        JobProgress now;
        synchronized (this) {
            now = state(JobProgress.Kind.UPDATE, null);
            if (!lost && throttle.silent(System.nanoTime()) && throttle.offer(stage, percent, System.nanoTime())) {
                announce.accept(now);
            }
        }
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement("update analysis_job"
                + " set stage = ?, progress = ?, message = ?, updated_at = now(),"
                + " lease_until = now() + make_interval(secs => ?) where id = ? and lease_owner = ?"
                + " and status = 'running' returning cancel_requested")) {
            ps.setString(1, now.stage());
            ps.setInt(2, now.progress());
            ps.setString(3, now.message());
            ps.setInt(4, leaseSeconds);
            ps.setObject(5, id);
            ps.setString(6, owner);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    lost = true;
                } else if (rs.getBoolean(1)) {
                    cancelled = true;
                }
            }
        } catch (SQLException e) {
            // The database is out of reach: the lease runs out unless a later tick renews it.
        }
    }

    private synchronized JobProgress state(JobProgress.Kind kind, String insights) {
        return new JobProgress(workspaceId, id.toString(), kind, stage, percent, message, Instant.now(), insights);
    }

    private JobProgress complete(String insights) throws SQLException {
        JobProgress done = new JobProgress(workspaceId, id.toString(), JobProgress.Kind.COMPLETE, "insights_ready",
                100, "Analysis complete.", Instant.now(), insights);
        return finish("done", done, insights);
    }

    JobProgress fail(String reason) {
        String text = "Processing failed: " + reason;
        JobProgress failed = new JobProgress(workspaceId, id.toString(), JobProgress.Kind.ERROR, "error", 0,
                text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) : text, Instant.now(), null);
        try {
            return finish(reason.equals("cancelled") ? "cancelled" : "failed", failed, null);
        } catch (SQLException e) {
            return null; // not recorded: the lease runs out and another run tries again
        }
    }

    private JobProgress finish(String status, JobProgress last, String insights) throws SQLException {
        synchronized (this) {
            if (lost) {
                return null;
            }
            try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement("update analysis_job"
                    + " set status = ?, stage = ?, progress = ?, message = ?, insights = ?::jsonb,"
                    + " finished_at = now(), updated_at = now(), lease_owner = null"
                    + " where id = ? and lease_owner = ? and status = 'running'")) {
                ps.setString(1, status);
                ps.setString(2, last.stage());
                ps.setInt(3, last.progress());
                ps.setString(4, last.message());
                ps.setString(5, insights);
                ps.setObject(6, id);
                ps.setString(7, owner);
                if (ps.executeUpdate() == 0) {
                    lost = true;
                    return null;
                }
            }
            lost = true; // nothing more from this run
            announce.accept(last);
        }
        store.dropUpload(id);
        return last;
    }
}
