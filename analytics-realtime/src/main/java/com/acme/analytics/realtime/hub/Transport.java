package com.acme.analytics.realtime.hub;

import java.util.List;
import java.util.concurrent.CompletableFuture;
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

    /**
     * Most messages this transport takes in one {@link #send(List, long)}: more than one when it writes several in
     * one go, as a WebSocket does (their frames in one write).
     */
    default int maxBatch() {
        return 1;
    }

    /**
     * Sends messages in order, as {@link #send(Outbound, long)} sends one; called with at most {@link #maxBatch()}.
     *
     * @param lastSequence the highest event sequence this client has been sent, including these messages'
     */
    default CompletionStage<Void> send(List<Outbound> messages, long lastSequence) {
        if (messages.size() != 1) {
            throw new IllegalArgumentException(messages.size() + " messages for a transport that sends one at a time");
        }
        return send(messages.get(0), lastSequence);
    }

    /**
     * Keeps an idle connection open through proxies that cut silent ones, with nothing the client's application
     * sees (an SSE comment); by default nothing is sent.
     *
     * @param note a short word the keep-alive may carry, such as {@code heartbeat}
     */
    default CompletionStage<Void> keepAlive(String note) {
        return CompletableFuture.completedFuture(null);
    }

    /** Ends the connection; {@code reason} is a short code such as {@code lagging} or {@code expired}. */
    void close(String reason);

    boolean isOpen();
}
