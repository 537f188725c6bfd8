package com.acme.analytics.realtime.hub;

import java.util.function.LongSupplier;

/**
 * What the hub reports about itself. A small interface so that the application deploys on servers without
 * MicroProfile Metrics (WildFly): there the hub reports to {@link SilentHubMetrics}.
 */
public interface HubMetrics {

    /** Registers the live figures, read when the metrics are scraped. */
    void gauges(LongSupplier connections, LongSupplier queued);

    /**
     * Registers the gauges of the container-specific ways of sending, each {@code 1} when the latest WebSocket
     * session opened uses it, {@code 0} when it does not (switched off, or not available on this server), {@code -1}
     * before the first session.
     *
     * @param fastSend         whether frames encoded once go straight to the container's socket
     * @param handshakeRelease whether the container's copies of the handshake are let go once the session is open
     */
    void websocketTricks(LongSupplier fastSend, LongSupplier handshakeRelease);

    /**
     * Registers the gauge of the third container-specific trick, as {@link #websocketTricks}: whether the latest
     * WebSocket session's idle timer runs on a plain scheduler rather than the container's managed one.
     */
    void websocketIdleTimer(LongSupplier plainIdleTimer);

    /** A waiting update was replaced by a newer one. */
    void coalesced();

    /** A message was not queued because its client's queue was full. */
    void dropped();

    /** A client was disconnected for lagging. */
    void laggingDisconnect();

    /**
     * Where the hub records the time from queued to handed to the client of every message it sends. Asked once per
     * client when it opens, and then written to directly: the sender threads record up to 100,000 messages a second,
     * and a call through the bean's proxy per message cost more than the recording.
     */
    LatencyWindow sendLatency();
}
