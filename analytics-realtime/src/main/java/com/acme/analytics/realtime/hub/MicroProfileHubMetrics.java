package com.acme.analytics.realtime.hub;

import jakarta.enterprise.inject.spi.CDI;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The hub's figures in the application registry of MicroProfile Metrics ({@code /metrics?scope=application}).
 * Loaded only where the API exists (see {@link HubMetricsSource}).
 */
final class MicroProfileHubMetrics implements HubMetrics {

    private final MetricRegistry registry;
    private final Counter coalesced;
    private final Counter dropped;
    private final Counter lagging;
    private final Timer sendLatency;

    private MicroProfileHubMetrics(MetricRegistry registry) {
        this.registry = registry;
        this.coalesced = registry.counter("analytics.realtime.coalesced");
        this.dropped = registry.counter("analytics.realtime.dropped");
        this.lagging = registry.counter("analytics.realtime.lagging.disconnects");
        this.sendLatency = registry.timer("analytics.realtime.send.latency");
    }

    static HubMetrics create() {
        return new MicroProfileHubMetrics(CDI.current().select(MetricRegistry.class).get());
    }

    @Override
    public void gauges(LongSupplier connections, LongSupplier queued) {
        registry.gauge("analytics.realtime.connections", connections, LongSupplier::getAsLong);
        registry.gauge("analytics.realtime.queued", queued, LongSupplier::getAsLong);
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
    public void sent(long latencyNanos) {
        sendLatency.update(Duration.ofNanos(latencyNanos));
    }
}
