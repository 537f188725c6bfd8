package com.acme.analytics.ingest.sync.schedule;

import com.acme.analytics.domain.integrations.IntegrationSynced;
import com.acme.analytics.domain.leases.LeaseOwner;
import com.acme.analytics.ingest.events.TrackEvents;
import com.acme.analytics.ingest.retention.EventTimeLimits;
import com.acme.analytics.ingest.sync.integrations.Connectors;
import com.acme.analytics.ingest.sync.integrations.Integration;
import com.acme.analytics.ingest.sync.integrations.IntegrationStore;
import com.acme.analytics.ingest.sync.integrations.Integrations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
 * The provider sync's clock: a non-persistent EJB interval timer ({@code analytics.sync.poll-interval-ms}) claims
 * as many due integrations as this instance has idle workers ({@code analytics.sync.workers} threads made by the
 * container's {@link ManagedThreadFactory}) and runs each under its lease. A slow provider holds only a worker,
 * never a request thread or the timer.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class SyncScheduler {

    private static final Logger LOG = Logger.getLogger(SyncScheduler.class.getName());

    @Resource
    ManagedThreadFactory threads;
    @Resource
    TimerService timers;
    @Inject
    SyncStates states;
    @Inject
    IntegrationStore store;
    @Inject
    Integrations integrations;
    @Inject
    Connectors connectors;
    @Inject
    OutboundCalls calls;
    @Inject
    MetricPoints metrics;
    @Inject
    TrackEvents ingest;
    @Inject
    EventTimeLimits limits;
    @Inject
    Event<IntegrationSynced> synced;
    @Inject
    @ConfigProperty(name = "analytics.sync.workers")
    int workers;
    @Inject
    @ConfigProperty(name = "analytics.sync.poll-interval-ms")
    long pollIntervalMs;
    @Inject
    @ConfigProperty(name = "analytics.sync.lease-seconds")
    int leaseSeconds;
    @Inject
    @ConfigProperty(name = "analytics.sync.backoff-base-ms")
    long backoffBaseMs;
    @Inject
    @ConfigProperty(name = "analytics.sync.circuit-failures")
    int circuitFailures;
    @Inject
    @ConfigProperty(name = "analytics.sync.circuit-open-seconds")
    long circuitOpenSeconds;

    /** Names this instance in its leases, unique per start. */
    private final String owner = LeaseOwner.newName();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicBoolean ticking = new AtomicBoolean();
    private ThreadPoolExecutor pool;
    private RetryPolicy policy;

    @PostConstruct
    void start() {
        pool = new ThreadPoolExecutor(workers, workers, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), threads);
        policy = new RetryPolicy(Duration.ofMillis(backoffBaseMs), circuitFailures,
                Duration.ofSeconds(circuitOpenSeconds), bound -> ThreadLocalRandom.current().nextLong(bound));
        timers.createIntervalTimer(pollIntervalMs, pollIntervalMs, new TimerConfig("provider-sync", false));
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    @Timeout
    void tick() {
        if (!ticking.compareAndSet(false, true)) {
            return;
        }
        try {
            int idle = workers - busy.get();
            if (idle <= 0) {
                return;
            }
            List<SyncStates.Claim> claims = states.claim(owner, idle, leaseSeconds);
            for (SyncStates.Claim claim : claims) {
                busy.incrementAndGet();
                pool.execute(() -> {
                    try {
                        new SyncRun(this, claim).run();
                    } finally {
                        busy.decrementAndGet();
                    }
                });
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Claiming due integrations failed; the next tick tries again", e);
        } finally {
            ticking.set(false);
        }
    }

    /** @param workspaceId null when the integration was deleted meanwhile: nobody is told then */
    void record(String workspaceId, long integrationId, Instant start, SyncStates.Finish finish) {
        try {
            if (!states.finish(integrationId, owner, start, finish)) {
                LOG.warning("Integration " + integrationId + " synced after its lease ran out; result dropped");
            } else if (workspaceId != null) {
                synced.fire(new IntegrationSynced(workspaceId, integrationId, finish.success() ? null
                        : finish.error()));
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Recording the sync of integration " + integrationId + " failed; its lease"
                    + " runs out and the sync is repeated", e);
        }
    }

    /**
     * A random part of one poll interval added to the next sync: without it the instance that synced last would
     * find its integrations due at the same phase of its own timer, and could win every claim.
     */
    Duration spread() {
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(pollIntervalMs + 1));
    }

    IntegrationStore integrations() {
        return store;
    }

    Connectors connectors() {
        return connectors;
    }

    OutboundCalls calls() {
        return calls;
    }

    RetryPolicy policy() {
        return policy;
    }

    JsonObject credentials(Integration integration) {
        return integrations.credentials(integration);
    }

    StoringSink newSink(Integration integration) {
        return new StoringSink(integration.id(), integration.workspaceId(), metrics, ingest, limits);
    }
}
