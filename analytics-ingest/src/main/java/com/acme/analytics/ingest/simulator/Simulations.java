package com.acme.analytics.ingest.simulator;

import com.acme.analytics.domain.events.InvalidInputException;
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
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The simulator of the campaign document: continuous simulations ({@code start}), bursts and journeys, whose events
 * go through the real ingest path ({@link SimulatedIngest}). Continuous ones run on threads made by the container's
 * {@link ManagedThreadFactory} (one each, made once: a managed executor would capture the application context per
 * task, see RUNTIME-NOTES), at most {@code analytics.simulator.max-per-workspace} per workspace. At shutdown they
 * stop first (this singleton depends on the flusher, so it is destroyed before it writes what is buffered) and
 * their rows say {@code stopped}, reason {@code server shutdown}.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "BatchFlusher"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class Simulations {

    private static final Logger LOG = Logger.getLogger(Simulations.class.getName());
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private static final int LISTED = 100;

    @Resource
    ManagedThreadFactory threads;
    @Inject
    SimulatedIngest ingest;
    @Inject
    SimulationStore store;
    @Inject
    @ConfigProperty(name = "analytics.simulator.max-events-per-minute")
    int maxEventsPerMinute;
    @Inject
    @ConfigProperty(name = "analytics.simulator.max-duration-minutes")
    int maxDurationMinutes;
    @Inject
    @ConfigProperty(name = "analytics.simulator.max-burst")
    int maxBurst;
    @Inject
    @ConfigProperty(name = "analytics.simulator.max-per-workspace")
    int maxPerWorkspace;
    @Inject
    @ConfigProperty(name = "analytics.simulator.max-campaigns")
    int maxCampaigns;

    private final Clock clock = Clock.systemUTC();
    private final SecureRandom seeds = new SecureRandom();
    private final Map<String, ContinuousSimulation> running = new ConcurrentHashMap<>();
    private SimulatorLimits limits;
    private volatile boolean stopping;

    @PostConstruct
    void init() {
        limits = new SimulatorLimits(maxEventsPerMinute, maxDurationMinutes, maxBurst, maxPerWorkspace, maxCampaigns);
        try {
            store.markStale();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Simulations left running by an earlier server were not marked", e);
        }
    }

    public SimulatorLimits limits() {
        return limits;
    }

    /**
     * Starts a continuous simulation.
     *
     * @param durationMinutes minutes it runs, or null: until stopped (the demo's)
     * @throws InvalidInputException when the workspace already runs as many as it may
     */
    public SimulationView start(String workspaceId, List<String> campaignIds, int eventsPerMinute,
                                Integer durationMinutes, EventMix mix, double errorRate) throws SQLException {
        if (stopping) {
            throw new IllegalStateException("the server is stopping");
        }
        Instant now = now();
        String id = Ids.of(seeds, "sim_", 16);
        SimulationView view = new SimulationView(id, SimulationRequest.Action.START.wireName(),
                SimulationView.RUNNING, campaignIds, workspaceId, eventsPerMinute, durationMinutes, errorRate, 0, 0,
                now, durationMinutes == null ? null : now.plus(Duration.ofMinutes(durationMinutes)), null, null);
        if (!store.insertRunning(view, limits.maxPerWorkspace())) {
            throw new InvalidInputException("action", "workspace " + workspaceId + " already runs "
                    + limits.maxPerWorkspace() + " simulations (analytics.simulator.max-per-workspace); stop one first");
        }
        ContinuousSimulation simulation = new ContinuousSimulation(view, generator(id, workspaceId, campaignIds, mix,
                errorRate), ingest, store, clock, s -> running.remove(s.id(), s));
        running.put(id, simulation);
        simulation.startOn(threads.newThread(simulation));
        return view;
    }

    /** Sends {@code count} events of the mix and answers once they are committed. */
    public SimulationView burst(String workspaceId, List<String> campaignIds, int count, EventMix mix,
                                double errorRate) throws SQLException, InterruptedException {
        String id = Ids.of(seeds, "sim_", 16);
        EventGenerator generator = generator(id, workspaceId, campaignIds, mix, errorRate);
        return once(SimulationRequest.Action.BURST, id, workspaceId, campaignIds, errorRate, generator.next(count));
    }

    /** Sends one person's journey and answers once its five events are committed. */
    public SimulationView journey(String workspaceId, List<String> campaignIds)
            throws SQLException, InterruptedException {
        String id = Ids.of(seeds, "sim_", 16);
        EventGenerator generator = generator(id, workspaceId, campaignIds, EventMix.DEFAULT, 0);
        return once(SimulationRequest.Action.JOURNEY, id, workspaceId, campaignIds, 0, generator.journey());
    }

    /**
     * Stops the workspace's running simulation {@code id}, or all of them when null, on whichever instance runs
     * them (another notices within a heartbeat).
     *
     * @return the simulations stopped now; empty when none was running
     */
    public List<SimulationView> stop(String workspaceId, String id) throws SQLException, InterruptedException {
        List<String> ids = store.requestStop(workspaceId, id, now());
        List<SimulationView> stopped = new ArrayList<>();
        for (String stoppedId : ids) {
            ContinuousSimulation s = running.get(stoppedId);
            if (s != null) {
                s.stop(SimulationView.STOPPED, "stopped by request", STOP_WAIT, true);
                stopped.add(s.view());
            } else {
                store.find(workspaceId, stoppedId).ifPresent(stopped::add);
            }
        }
        return stopped;
    }

    public Optional<SimulationView> find(String workspaceId, String id) throws SQLException {
        return store.find(workspaceId, id);
    }

    /** The workspace's simulations, newest first; running ones of this instance with their latest counts. */
    public List<SimulationView> list(String workspaceId) throws SQLException {
        Map<String, SimulationView> byId = new LinkedHashMap<>();
        for (SimulationView s : store.list(workspaceId, LISTED)) {
            ContinuousSimulation live = running.get(s.id());
            byId.put(s.id(), live != null && SimulationView.RUNNING.equals(s.status()) ? live.view() : s);
        }
        return List.copyOf(byId.values());
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

    private SimulationView once(SimulationRequest.Action action, String id, String workspaceId,
                                List<String> campaignIds, double errorRate, List<JsonObject> events)
            throws SQLException, InterruptedException {
        Instant started = now();
        SimulatedIngest.Tally t = ingest.submit(events);
        SimulationView view = new SimulationView(id, action.wireName(), SimulationView.COMPLETED, campaignIds,
                workspaceId, null, null, errorRate, t.accepted(), t.rejected(), started, null, now(), null);
        store.insertFinished(view);
        return view;
    }

    private EventGenerator generator(String id, String workspaceId, List<String> campaignIds, EventMix mix,
                                     double errorRate) {
        return new EventGenerator(new SplittableRandom(seeds.nextLong()), clock, id, workspaceId, campaignIds, mix,
                errorRate);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
