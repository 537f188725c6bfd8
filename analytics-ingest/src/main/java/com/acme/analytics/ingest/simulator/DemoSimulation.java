package com.acme.analytics.ingest.simulator;

import com.acme.analytics.access.workspaces.DemoWorkspace;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sample traffic for {@code ./run.sh}: when there is a demo workspace (see {@link DemoWorkspace}) and
 * {@code analytics.simulator.demo} is true, a gentle simulation runs on a few demo campaigns from start-up until
 * stopped or shutdown, so that the dashboard moves on first start. {@code ANALYTICS_DEMO_SIMULATION=false} turns it
 * off. Elsewhere (no demo workspace) it does nothing.
 */
@Singleton
@Startup
@DependsOn({"DemoWorkspace", "Simulations"})
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoSimulation {

    static final List<String> CAMPAIGNS = List.of("camp_demo_spring_sale", "camp_demo_search_ads",
            "camp_demo_video_launch");
    /** Some of every event type, so that the video figures (views, completions, skips) move too. */
    static final EventMix MIX = new EventMix(0.6, 0.12, 0.03);
    private static final Logger LOG = Logger.getLogger(DemoSimulation.class.getName());

    @Inject
    DemoWorkspace demo;
    @Inject
    Simulator simulator;
    @Inject
    @ConfigProperty(name = "analytics.simulator.demo")
    boolean enabled;
    @Inject
    @ConfigProperty(name = "analytics.simulator.demo-events-per-minute")
    int eventsPerMinute;

    @PostConstruct
    void start() {
        if (!enabled || demo.workspaceId().isEmpty()) {
            return;
        }
        String workspace = demo.workspaceId().get();
        try {
            simulator.start(workspace, CAMPAIGNS, eventsPerMinute, null, MIX, 0).ifPresentOrElse(
                    s -> LOG.info("Demo simulation " + s.id() + " sends " + eventsPerMinute + " events a minute to "
                            + "workspace " + workspace + " (ANALYTICS_DEMO_SIMULATION=false turns it off)"),
                    () -> LOG.info("No demo simulation: the demo workspace runs as many simulations as it may"));
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "The demo simulation did not start", e);
        }
    }
}
