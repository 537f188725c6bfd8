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
 * Sends the due deliveries on {@code analytics.alerts.delivery-workers} threads made once by the container's
 * {@link ManagedThreadFactory} (as the provider sync runs its workers), so a slow webhook holds a worker, never the
 * evaluation's clock; claims only as many as there are idle workers, so what it cannot send now stays claimable by
 * another instance, and a worker that finished claims again.
 */
@ApplicationScoped
public class AlertDispatcher {

    private static final Logger LOG = Logger.getLogger(AlertDispatcher.class.getName());

    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicBoolean woken = new AtomicBoolean();
    private final ThrottledLog failures = new ThrottledLog(LOG, 60_000);
    private final ThrottledLog late = new ThrottledLog(LOG, 60_000);
    private ThreadPoolExecutor pool;
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
        policy = new DeliveryPolicy(Duration.ofMillis(retryBaseMs), Duration.ofMillis(retryMaxMs),
                Duration.ofSeconds(retryForSeconds), bound -> ThreadLocalRandom.current().nextLong(bound));
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /**
     * Has a worker claim what was just recorded, at once instead of at the end of the tick (a thousand rules later);
     * the caller does not wait for the claim, and a burst of firings makes one claim, not one each.
     */
    void wake(String owner) {
        if (busy.get() < workers && woken.compareAndSet(false, true)) {
            pool.execute(() -> {
                woken.set(false);
                dispatchDue(owner);
            });
        }
    }

    /** Claims the due deliveries idle workers can take and starts them; never throws. */
    void dispatchDue(String owner) {
        int idle = workers - busy.get();
        if (idle <= 0) {
            return;
        }
        try {
            // The lease outlasts one attempt (connect and read timeouts), so no other instance sends it meanwhile.
            int leaseSeconds = (int) (2 * timeoutMs / 1000) + 10;
            List<AlertDeliveries.Claimed> due = deliveries.claim(owner, leaseSeconds, idle);
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
                    dispatchDue(owner);
                });
            }
        } catch (SQLException | RuntimeException e) {
            failures.log(Level.WARNING, "Claiming due alert deliveries failed; the next tick tries again", e);
        }
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
