package com.acme.analytics.realtime.alerts;

import com.acme.analytics.domain.logging.ThrottledLog;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the due deliveries. Webhooks and Slack go out on {@code analytics.alerts.delivery-workers} threads made once
 * by the container's {@link ManagedThreadFactory} (as the provider sync runs its workers), so a slow webhook holds a
 * worker, never the evaluation's clock; it claims only as many as there are idle workers, so what it cannot send now
 * stays claimable by another instance, and a worker that finished claims again. Dashboard notifications have a
 * thread of their own: they cost a NOTIFY and an update each, and must not queue behind webhooks that time out or
 * are retried.
 */
@ApplicationScoped
public class AlertDispatcher {

    private static final Logger LOG = Logger.getLogger(AlertDispatcher.class.getName());

    /** Dashboard notifications claimed at a time; a burst of firings is claimed again until it is sent. */
    private static final int DASHBOARD_CLAIM = 100;

    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicBoolean woken = new AtomicBoolean();
    private final AtomicBoolean dashboardsWoken = new AtomicBoolean();
    private final ThrottledLog failures = new ThrottledLog(LOG, 60_000);
    private final ThrottledLog late = new ThrottledLog(LOG, 60_000);
    private ThreadPoolExecutor pool;
    private ThreadPoolExecutor dashboards;
    private DeliveryPolicy policy;

    @Resource
    ManagedThreadFactory threads;
    @Inject
    AlertDeliveries deliveries;
    @Inject
    AlertSender sender;
    @Inject
    @ConfigProperty(name = "analytics.alerts.delivery-workers")
    int workers;
    @Inject
    @ConfigProperty(name = "analytics.alerts.delivery-timeout-ms")
    long timeoutMs;
    @Inject
    @ConfigProperty(name = "analytics.alerts.retry-base-ms")
    long retryBaseMs;
    @Inject
    @ConfigProperty(name = "analytics.alerts.retry-max-ms")
    long retryMaxMs;
    @Inject
    @ConfigProperty(name = "analytics.alerts.retry-for-seconds")
    long retryForSeconds;

    @PostConstruct
    void start() {
        pool = new ThreadPoolExecutor(workers, workers, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), threads);
        dashboards = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), threads);
        policy = new DeliveryPolicy(Duration.ofMillis(retryBaseMs), Duration.ofMillis(retryMaxMs),
                Duration.ofSeconds(retryForSeconds), bound -> ThreadLocalRandom.current().nextLong(bound));
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
        dashboards.shutdownNow();
    }

    /**
     * Has the due deliveries claimed and started, by the tick and at once when a firing was recorded (not at the end
     * of the tick, a thousand rules later); the caller does not wait for the claims, and a burst of firings makes
     * one claim of each kind, not one each. Never throws.
     */
    void dispatchDue(String owner) {
        if (dashboardsWoken.compareAndSet(false, true)) {
            dashboards.execute(() -> {
                dashboardsWoken.set(false);
                sendDashboards(owner);
            });
        }
        if (busy.get() < workers && woken.compareAndSet(false, true)) {
            pool.execute(() -> {
                woken.set(false);
                dispatchOutbound(owner);
            });
        }
    }

    private void sendDashboards(String owner) {
        try {
            List<AlertDeliveries.Claimed> due;
            do {
                due = deliveries.claim(owner, leaseSeconds(), DASHBOARD_CLAIM, true);
                due.forEach(d -> attempt(owner, d));
            } while (due.size() == DASHBOARD_CLAIM);
        } catch (SQLException | RuntimeException e) {
            failures.log(Level.WARNING, "Claiming due dashboard notifications failed; the next tick tries again", e);
        }
    }

    private void dispatchOutbound(String owner) {
        int idle = workers - busy.get();
        if (idle <= 0) {
            return;
        }
        try {
            List<AlertDeliveries.Claimed> due = deliveries.claim(owner, leaseSeconds(), idle, false);
            for (AlertDeliveries.Claimed d : due) {
                busy.incrementAndGet();
                pool.execute(() -> {
                    try {
                        attempt(owner, d);
                    } finally {
                        busy.decrementAndGet();
                    }
                    // A worker that is done takes the next due at once: a burst (many rules firing in one tick)
                    // would otherwise wait a tick per worker-full.
                    dispatchOutbound(owner);
                });
            }
        } catch (SQLException | RuntimeException e) {
            failures.log(Level.WARNING, "Claiming due alert deliveries failed; the next tick tries again", e);
        }
    }

    /** The lease outlasts one attempt (connect and read timeouts), so no other instance sends it meanwhile. */
    private int leaseSeconds() {
        return (int) (2 * timeoutMs / 1000) + 10;
    }

    private void attempt(String owner, AlertDeliveries.Claimed d) {
        Instant at = Instant.now();
        long waited = Duration.between(d.createdAt(), at).toMillis();
        if (d.attemptsBefore() == 0 && waited > 1000) {
            late.log(Level.WARNING, "Alert delivery " + d.id() + " (" + d.channel() + ") first attempted " + waited
                    + " ms after it was recorded; " + busy.get() + " of " + workers + " workers busy", null);
        }
        long start = System.nanoTime();
        DeliveryPolicy.Attempt attempt = sender.send(d);
        long millis = (System.nanoTime() - start) / 1_000_000;
        DeliveryPolicy.Next next = policy.after(attempt, d.attemptsBefore() + 1, d.createdAt(), Instant.now());
        try {
            if (!deliveries.finish(d.id(), owner, at, millis, attempt, next)) {
                LOG.warning("Alert delivery " + d.id() + " finished after its lease ran out; not recorded");
            }
        } catch (SQLException e) {
            failures.log(Level.WARNING, "Recording alert delivery " + d.id() + " failed; its lease runs out and"
                    + " it is tried again", e);
        }
    }
}
