package com.acme.analytics.realtime.hub;

import java.util.concurrent.CompletionStage;

/**
 * How a {@link ClientChannel} reaches its client: a WebSocket session, an SSE sink or a polling mailbox. The hub
 * sends one message at a time per client and waits for the previous send to complete before the next.
 */
public interface Transport {

    /**
     * Starts sending without blocking the caller; the stage completes when the transport took the message, and
     * fails when the client is gone.
     *
     * @param lastSequence the highest event sequence this client has been sent, including this message's
     */
    CompletionStage<Void> send(Outbound message, long lastSequence);

    /** Ends the connection; {@code reason} is a short code such as {@code lagging} or {@code expired}. */
    void close(String reason);

    boolean isOpen();
}
