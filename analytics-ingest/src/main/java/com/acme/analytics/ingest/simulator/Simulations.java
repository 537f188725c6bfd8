package com.acme.analytics.ingest.simulator;

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
import jakarta.inject.Inject;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The continuous simulations running on this instance, each on a thread made by the container's
 * {@link ManagedThreadFactory} (made once per simulation: a managed executor would capture the application context
 * per task, see RUNTIME-NOTES). An EJB singleton for its life cycle: it depends on the flusher, so at shutdown it is
 * destroyed first, its simulations stop before the flusher writes what is buffered, and their rows say
 * {@code stopped}, reason {@code server shutdown}. Its methods throw no runtime exceptions (which the container
 * would wrap and log); the use cases are {@link Simulator}'s.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "BatchFlusher"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class Simulations {

    private static final Logger LOG = Logger.getLogger(Simulations.class.getName());
    static final Duration STOP_WAIT = Duration.ofSeconds(5);

    @Resource
    ManagedThreadFactory threads;
    @Inject
    SimulatedIngest ingest;
    @Inject
    SimulationStore store;

    private final Map<String, ContinuousSimulation> running = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    @PostConstruct
    void markLeftovers() {
        try {
            store.markStale();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Simulations left running by an earlier server were not marked", e);
        }
    }

    /**
     * Runs a simulation already recorded as running.
     *
     * @return false when the server is stopping (nothing runs)
     */
    public boolean launch(SimulationView view, EventGenerator generator, Clock clock) {
        if (stopping) {
            return false;
        }
        ContinuousSimulation simulation = new ContinuousSimulation(view, generator, ingest, store, clock,
                s -> running.remove(s.id(), s));
        running.put(view.id(), simulation);
        simulation.startOn(threads.newThread(simulation));
        return true;
    }

    /** Its state with this instance's counts, when it runs here. */
    public Optional<SimulationView> live(String id) {
        return Optional.ofNullable(running.get(id)).map(ContinuousSimulation::view);
    }

    /**
     * Stops a simulation if it runs here, waiting for its last events to be committed.
     *
     * @return its final state, or empty when it does not run here
     */
    public Optional<SimulationView> stopHere(String id, String reason) throws InterruptedException {
        ContinuousSimulation s = running.get(id);
        if (s == null) {
            return Optional.empty();
        }
        s.stop(SimulationView.STOPPED, reason, STOP_WAIT, true);
        return Optional.of(s.view());
    }

    @PreDestroy
    void stopAll() {
        stopping = true;
        List<SimulationView> ended = new ArrayList<>();
        for (ContinuousSimulation s : List.copyOf(running.values())) {
            try {
                s.stop(SimulationView.STOPPED, "server shutdown", STOP_WAIT, false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ended.add(s.view());
        }
        if (ended.isEmpty()) {
            return;
        }
        try {
            store.finishAtShutdown(ended);
            LOG.info(ended.size() + " simulations stopped at shutdown");
        } catch (SQLException e) {
            LOG.log(Level.WARNING, ended.size() + " simulations stopped at shutdown, but not recorded; they will"
                    + " read as interrupted", e);
        }
    }
}
