package com.acme.analytics.ingest.jobs;

import com.acme.analytics.domain.health.SystemActivity;
import com.acme.analytics.domain.jobs.JobProgress;
import com.acme.analytics.domain.leases.LeaseOwner;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This instance's analysis workers ({@code analytics.jobs.workers} threads made once by the container's
 * {@link ManagedThreadFactory}) and their ticker. A worker claims the oldest claimable job of any workspace, queued or
 * running under a lease that ran out (its instance died), with {@code FOR NO KEY UPDATE SKIP LOCKED}, so that the
 * workers of every instance share the queue without waiting on each other. {@code NO KEY}: the lock the claim's own
 * update takes, which a foreign-key check's key-share lock on the job (a chunk of its upload being written) does not
 * conflict with; {@code FOR UPDATE} would skip such a job as if another worker held it.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class JobWorkers {

    private static final Logger LOG = Logger.getLogger(JobWorkers.class.getName());
    private static final long TICK_MS = 500;

    @Resource
    ManagedThreadFactory threads;
    @Inject
    JobStore store;
    @Inject
    Instance<CsvAnalysis> analysis;
    @Inject
    Event<JobProgress> progress;
    @Inject
    Event<SystemActivity> activity;
    @Inject
    @ConfigProperty(name = "analytics.jobs.workers")
    int workers;
    @Inject
    @ConfigProperty(name = "analytics.jobs.lease-seconds")
    int leaseSeconds;
    @Inject
    @ConfigProperty(name = "analytics.jobs.poll-interval-ms")
    long pollIntervalMs;
    @Inject
    @ConfigProperty(name = "analytics.jobs.max-attempts")
    int maxAttempts;

    /** Names this instance in its leases, unique per start. */
    private final String owner = LeaseOwner.newName();
    private final Map<UUID, JobRun> running = new ConcurrentHashMap<>();
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicInteger busy = new AtomicInteger();
    private volatile boolean stopping;

    @PostConstruct
    void start() {
        for (int i = 0; i < workers; i++) {
            Thread t = threads.newThread(this::work);
            t.setName("analytics-job-worker-" + i);
            t.start();
        }
        Thread ticker = threads.newThread(this::tick);
        ticker.setName("analytics-job-ticker");
        ticker.start();
    }

    /** An upload was queued here: an idle worker looks at once. */
    public void wake() {
        wakeUps.release();
    }

    /** Cancels a job if it runs here; its worker announces job_error. */
    public boolean cancelHere(String jobId) {
        JobRun run = running.get(JobStore.uuid(jobId));
        if (run != null) {
            run.cancel();
        }
        return run != null;
    }

    public int workers() {
        return workers;
    }

    public int busy() {
        return busy.get();
    }

    private void work() {
        while (!stopping) {
            try {
                if (!runOne()) {
                    wakeUps.tryAcquire(pollIntervalMs, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "Claiming an analysis job failed; retrying", e);
                pause();
            }
        }
    }

    private boolean runOne() throws SQLException {
        Claimed job = claim();
        if (job == null) {
            return false;
        }
        busy.incrementAndGet();
        JobRun run = new JobRun(job.id(), job.workspaceId(), owner, job.progress(), store, threads,
                progress::fire);
        running.put(job.id(), run);
        try {
            activity.fire(new SystemActivity(SystemActivity.JOB_STARTED, "Job " + job.id() + " started"
                    + (job.attempts() > 1 ? " again (attempt " + job.attempts() + ")" : ""), job.workspaceId(),
                    Instant.now()));
            CsvAnalysis a = analysis.isResolvable() ? analysis.get() : null;
            JobProgress end = a == null ? run.fail("no CSV analysis is installed on this instance")
                    : run.run(a, job.attempts(), maxAttempts);
            if (end != null) {
                boolean done = end.kind() == JobProgress.Kind.COMPLETE;
                activity.fire(new SystemActivity(done ? SystemActivity.JOB_COMPLETED : SystemActivity.JOB_FAILED,
                        "Job " + job.id() + (done ? " completed" : " failed: " + end.message()), job.workspaceId(),
                        Instant.now()));
            }
        } finally {
            running.remove(job.id());
            busy.decrementAndGet();
        }
        return true;
    }

    private record Claimed(UUID id, String workspaceId, int progress, int attempts) {
    }

    private Claimed claim() throws SQLException {
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement("""
                update analysis_job set status = 'running', lease_owner = ?, attempts = attempts + 1,
                    lease_until = now() + make_interval(secs => ?), started_at = now(), updated_at = now()
                where id = (select id from analysis_job
                            where (status = 'queued' or (status = 'running' and lease_until < now()))
                              and not cancel_requested
                            order by created_at for no key update skip locked limit 1)
                returning id, workspace_id, progress, attempts""")) {
            ps.setString(1, owner);
            ps.setInt(2, leaseSeconds);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Claimed(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                        rs.getInt(4)) : null;
            }
        }
    }

    private void tick() {
        while (!stopping) {
            for (JobRun run : running.values()) {
                run.tick(leaseSeconds);
            }
            try {
                Thread.sleep(TICK_MS); // a period, not a wait for something
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(pollIntervalMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        wakeUps.release(workers);
        // Left to another instance, which takes them up when their leases run out.
        running.values().forEach(JobRun::abandon);
    }
}
