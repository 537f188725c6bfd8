package com.acme.analytics.realtime.hub;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Chooses where the hub reports: MicroProfile Metrics when the server has it, else nowhere. The MicroProfile
 * class is touched only after the API was found, so the application deploys on servers without it.
 */
@ApplicationScoped
public class HubMetricsSource {

    private static final Logger LOG = Logger.getLogger(HubMetricsSource.class.getName());

    @Produces
    @ApplicationScoped
    HubMetrics hubMetrics() {
        try {
            Class.forName("org.eclipse.microprofile.metrics.MetricRegistry", false,
                    HubMetricsSource.class.getClassLoader());
            return MicroProfileHubMetrics.create();
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            LOG.log(Level.INFO, "MicroProfile Metrics unavailable; the realtime hub reports no metrics", e);
            return HubMetrics.NONE;
        }
    }
}
