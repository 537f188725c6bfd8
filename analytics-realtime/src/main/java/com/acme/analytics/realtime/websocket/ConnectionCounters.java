package com.acme.analytics.realtime.websocket;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one WebSocket connection sent and how quickly its client answers a ping, for its connection health.
 * Thread-safe: the container's completion threads and the ping's receiver write, the health refresh reads.
 */
public final class ConnectionCounters {

    /** Starts the data of a ping that measures the round trip. */
    static final String PROBE = "rtt:";

    private final AtomicLong sent = new AtomicLong();
    private volatile long lastSentMillis;
    private volatile long lastReceivedMillis;
    private volatile long roundTripNanos = -1;

    void sent(int messages) {
        sent.addAndGet(messages);
        lastSentMillis = System.currentTimeMillis();
    }

    /** A message from the client. */
    public void received() {
        lastReceivedMillis = System.currentTimeMillis();
    }

    void roundTrip(long nanos) {
        roundTripNanos = nanos;
    }

    /** Messages the container took for the client (answers, updates and heartbeats alike). */
    public long messagesSent() {
        return sent.get();
    }

    /** The latest message sent to or received from the client, or null before any. */
    public Instant lastMessageAt() {
        long last = Math.max(lastSentMillis, lastReceivedMillis);
        return last == 0 ? null : Instant.ofEpochMilli(last);
    }

    /** The latest ping round trip in milliseconds, or null before the first pong. */
    public Double latencyMs() {
        long nanos = roundTripNanos;
        return nanos < 0 ? null : nanos / 1e6;
    }
}
