package com.acme.analytics.realtime.subscriptions;

import com.acme.analytics.realtime.hub.Outbound;
import com.acme.analytics.realtime.hub.Transport;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The transport of a campaign subscription. Without a stream attached, updates wait here, at most
 * {@code capacity}, the oldest dropped first (as the document's {@code maxQueueSize}); a poll takes them. With an
 * SSE stream attached, what waited goes out first and new updates follow on the stream.
 *
 * <p>A stream that fails or closes is its client gone, not the subscription: it is detached, the update it did not
 * take waits again, and the next stream or poll carries on. So a send through the mailbox never fails, and the
 * hub never closes the subscription's channel for a reader that left.
 */
final class Mailbox implements Transport {

    /** Sent as a keep-alive (an SSE comment) to an attached stream, never kept for polling. */
    static final Outbound HEARTBEAT = Outbound.latest(null, "heartbeat", "heartbeat");
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final int capacity;
    private final ArrayDeque<Outbound> waiting = new ArrayDeque<>();
    private Transport stream;
    private long dropped;
    private boolean closed;

    Mailbox(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public synchronized CompletionStage<Void> send(Outbound message, long lastSequence) {
        if (stream != null && stream.isOpen()) {
            return sendTo(stream, message);
        }
        stream = null;
        keep(message);
        return DONE;
    }

    /** Sends to the stream; when that fails the stream is detached and the message waits. Never fails. */
    private CompletionStage<Void> sendTo(Transport target, Outbound message) {
        CompletionStage<Void> sent;
        try {
            sent = message == HEARTBEAT ? target.keepAlive(message.text()) : target.send(message, 0);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((ok, failure) -> {
            if (failure != null) {
                detach(target, message);
            }
            return null;
        });
    }

    private synchronized void detach(Transport broken, Outbound unsent) {
        if (stream == broken) {
            stream = null;
        }
        broken.close("send_failed");
        if (!closed) {
            keep(unsent);
        }
    }

    private void keep(Outbound message) {
        if (message == HEARTBEAT) {
            return;
        }
        if (waiting.size() == capacity) {
            waiting.removeFirst();
            dropped++;
        }
        waiting.addLast(message);
    }

    /** Takes every waiting update, oldest first. */
    synchronized List<Outbound> drain() {
        List<Outbound> out = new ArrayList<>(waiting);
        waiting.clear();
        return out;
    }

    /** Sends what waited to the stream, then routes new updates to it; a previous stream is closed. */
    synchronized void attach(Transport newStream) {
        if (stream != null) {
            stream.close("replaced");
        }
        stream = newStream;
        CompletionStage<Void> chain = DONE;
        for (Outbound m : drain()) {
            chain = chain.thenCompose(v -> resend(newStream, m));
        }
    }

    /** One of the updates that waited, to the stream if it is still the one attached, else back to waiting. */
    private synchronized CompletionStage<Void> resend(Transport target, Outbound message) {
        if (stream != target || !target.isOpen()) {
            keep(message);
            return DONE;
        }
        return sendTo(target, message);
    }

    synchronized boolean streaming() {
        return stream != null && stream.isOpen();
    }

    synchronized int size() {
        return waiting.size();
    }

    synchronized long dropped() {
        return dropped;
    }

    @Override
    public synchronized void close(String reason) {
        closed = true;
        waiting.clear();
        if (stream != null) {
            stream.close(reason);
        }
    }

    @Override
    public synchronized boolean isOpen() {
        return !closed;
    }
}
