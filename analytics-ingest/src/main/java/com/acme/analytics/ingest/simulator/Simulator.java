package com.acme.analytics.ingest.simulator;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The simulator of the campaign document: continuous simulations ({@code start}, run by {@link Simulations}),
 * bursts and journeys, whose events go through the real ingest path ({@link SimulatedIngest}), within
 * {@link SimulatorLimits}. Thread-safe.
 */
@ApplicationScoped
public class Simulator {

    private static final int LISTED = 100;

    @Inject
    Simulations simulations;
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
    private SimulatorLimits limits;

    @PostConstruct
    void init() {
        limits = new SimulatorLimits(maxEventsPerMinute, maxDurationMinutes, maxBurst, maxPerWorkspace, maxCampaigns);
    }

    public SimulatorLimits limits() {
        return limits;
    }

    /**
     * Starts a continuous simulation.
     *
     * @param durationMinutes minutes it runs, or null: until stopped (the demo's)
     * @return empty when the workspace already runs {@code maxPerWorkspace} simulations
     * @throws IllegalStateException when the server is stopping
     */
    public Optional<SimulationView> start(String workspaceId, List<String> campaignIds, int eventsPerMinute,
                                          Integer durationMinutes, EventMix mix, double errorRate)
            throws SQLException {
        Instant now = now();
        String id = newId();
        SimulationView view = new SimulationView(id, SimulationRequest.Action.START.wireName(),
                SimulationView.RUNNING, campaignIds, workspaceId, eventsPerMinute, durationMinutes, errorRate, 0, 0,
                now, durationMinutes == null ? null : now.plus(Duration.ofMinutes(durationMinutes)), null, null);
        if (!store.insertRunning(view, limits.maxPerWorkspace())) {
            return Optional.empty();
        }
        if (!simulations.launch(view, generator(id, workspaceId, campaignIds, mix, errorRate), clock)) {
            SimulationView refused = view.ended(SimulationView.STOPPED, now(), "server shutdown");
            store.finish(refused);
            throw new IllegalStateException("The server is stopping");
        }
        return Optional.of(view);
    }

    /** Sends {@code count} events of the mix and answers once they are committed. */
    public SimulationView burst(String workspaceId, List<String> campaignIds, int count, EventMix mix,
                                double errorRate) throws SQLException, InterruptedException {
        String id = newId();
        EventGenerator generator = generator(id, workspaceId, campaignIds, mix, errorRate);
        return once(SimulationRequest.Action.BURST, id, workspaceId, campaignIds, errorRate, generator.next(count));
    }

    /** Sends one person's journey and answers once its five events are committed. */
    public SimulationView journey(String workspaceId, List<String> campaignIds)
            throws SQLException, InterruptedException {
        String id = newId();
        EventGenerator generator = generator(id, workspaceId, campaignIds, EventMix.DEFAULT, 0);
        return once(SimulationRequest.Action.JOURNEY, id, workspaceId, campaignIds, 0, generator.journey());
    }

    /**
     * Stops the workspace's running simulation {@code id}, or all of them when null, on whichever instance runs
     * them (another notices at its next heartbeat, within {@link SimulationStore#HEARTBEAT}).
     *
     * @return the simulations stopped now; empty when none was running
     */
    public List<SimulationView> stop(String workspaceId, String id) throws SQLException, InterruptedException {
        List<SimulationView> stopped = new ArrayList<>();
        for (String stoppedId : store.requestStop(workspaceId, id, now())) {
            Optional<SimulationView> here = simulations.stopHere(stoppedId, "stopped by request");
            if (here.isPresent()) {
                stopped.add(here.get());
            } else {
                store.find(workspaceId, stoppedId).ifPresent(stopped::add);
            }
        }
        return stopped;
    }

    public Optional<SimulationView> find(String workspaceId, String id) throws SQLException {
        return store.find(workspaceId, id);
    }

    /** The workspace's latest simulations, newest first; those running here with their latest counts. */
    public List<SimulationView> list(String workspaceId) throws SQLException {
        return store.list(workspaceId, LISTED).stream()
                .map(s -> SimulationView.RUNNING.equals(s.status()) ? simulations.live(s.id()).orElse(s) : s)
                .toList();
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

    private String newId() {
        return Ids.of(seeds, "sim_", 16);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
