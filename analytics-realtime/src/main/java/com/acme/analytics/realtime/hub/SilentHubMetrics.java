package com.acme.analytics.realtime.hub;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.LongSupplier;

/** The hub's metrics where the server offers no metrics API: nothing is recorded. */
@ApplicationScoped
public class SilentHubMetrics implements HubMetrics {

    /** Written to, never read. */
    private final LatencyWindow unread = new LatencyWindow(1);

    @Override
    public void gauges(LongSupplier connections, LongSupplier queued) {
    }

    @Override
    public void websocketTricks(LongSupplier fastSend, LongSupplier handshakeRelease) {
    }

    @Override
    public void websocketIdleTimer(LongSupplier plainIdleTimer) {
    }

    @Override
    public void coalesced() {
    }

    @Override
    public void dropped() {
    }

    @Override
    public void laggingDisconnect() {
    }

    @Override
    public LatencyWindow sendLatency() {
        return unread;
    }
}
