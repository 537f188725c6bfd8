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
 */
final class Mailbox implements Transport {

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
            return stream.send(message, lastSequence);
        }
        stream = null;
        if (waiting.size() == capacity) {
            waiting.removeFirst();
            dropped++;
        }
        waiting.addLast(message);
        return CompletableFuture.completedFuture(null);
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
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        for (Outbound m : drain()) {
            chain = chain.thenCompose(v -> newStream.send(m, 0));
        }
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
