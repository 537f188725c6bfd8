package com.acme.analytics.realtime.hub;

import java.util.function.LongSupplier;

/**
 * What the hub reports about itself. A small interface so that the application deploys on servers without
 * MicroProfile Metrics (WildFly): there the hub reports to {@link SilentHubMetrics}.
 */
public interface HubMetrics {

    /** Registers the live figures, read when the metrics are scraped. */
    void gauges(LongSupplier connections, LongSupplier queued);

    /** A waiting update was replaced by a newer one. */
    void coalesced();

    /** A message was not queued because its client's queue was full. */
    void dropped();

    /** A client was disconnected for lagging. */
    void laggingDisconnect();

    /** A message was handed to a client, {@code latencyNanos} after it was queued. */
    void sent(long latencyNanos);
}
