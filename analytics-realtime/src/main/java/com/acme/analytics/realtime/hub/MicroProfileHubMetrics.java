package com.acme.analytics.realtime.hub;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

import java.util.function.LongSupplier;

/**
 * The hub's figures in the application registry of MicroProfile Metrics ({@code /metrics?scope=application}).
 * An enabled alternative: where the server has MicroProfile Metrics it replaces {@link SilentHubMetrics}; where it
 * has not (WildFly), the bean container cannot load this class, skips it, and the silent one stays.
 */
@ApplicationScoped
@Alternative
@Priority(100)
public class MicroProfileHubMetrics implements HubMetrics {

    /** The quantiles published of the send latency, as a Prometheus summary names them. */
    private static final double[] QUANTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};

    @Inject
    MetricRegistry registry;
    private Counter coalesced;
    private Counter dropped;
    private Counter lagging;
    private final LatencyWindow sendLatency = new LatencyWindow(1024);

    @PostConstruct
    void register() {
        coalesced = registry.counter("analytics.realtime.coalesced");
        dropped = registry.counter("analytics.realtime.dropped");
        lagging = registry.counter("analytics.realtime.lagging.disconnects");
        Metadata latency = Metadata.builder().withName("analytics.realtime.send.latency")
                .withDescription("Time from queued to handed to the client, over the latest 1,024 messages")
                .withUnit(MetricUnits.SECONDS).build();
        for (double q : QUANTILES) {
            registry.gauge(latency, sendLatency, w -> w.quantileSeconds(q), new Tag("quantile", Double.toString(q)));
        }
    }

    @Override
    public void gauges(LongSupplier connections, LongSupplier queued) {
        registry.gauge("analytics.realtime.connections", connections, LongSupplier::getAsLong);
        registry.gauge("analytics.realtime.queued", queued, LongSupplier::getAsLong);
    }

    @Override
    public void websocketTricks(LongSupplier fastSend, LongSupplier handshakeRelease) {
        registry.gauge("analytics.realtime.websocket.fast.send", fastSend, LongSupplier::getAsLong);
        registry.gauge("analytics.realtime.websocket.handshake.release", handshakeRelease, LongSupplier::getAsLong);
    }

    @Override
    public void websocketIdleTimer(LongSupplier plainIdleTimer) {
        registry.gauge("analytics.realtime.websocket.plain.idle.timer", plainIdleTimer, LongSupplier::getAsLong);
    }

    @Override
    public void coalesced() {
        coalesced.inc();
    }

    @Override
    public void dropped() {
        dropped.inc();
    }

    @Override
    public void laggingDisconnect() {
        lagging.inc();
    }

    @Override
    public LatencyWindow sendLatency() {
        return sendLatency;
    }
}
