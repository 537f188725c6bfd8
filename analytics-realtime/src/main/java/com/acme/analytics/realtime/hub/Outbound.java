package com.acme.analytics.realtime.hub;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One message on its way to clients, written once and shared by every client it goes to: its text, and its
 * WebSocket frame, encoded on first use and then sent as the same bytes to every WebSocket client.
 *
 * <p>Immutable but for that cache; thread-safe.
 */
public final class Outbound {

    private final String name;
    private final String text;
    private final String coalesceKey;
    private final long sequence;
    /**
     * The frame, encoded on first use by whichever sender thread needs it first. Volatile, because the array is
     * shared between threads: without a happens-before edge from the writes of its bytes to another thread's read,
     * that thread may see the reference and yet stale bytes (the racy single-check idiom is safe only for objects
     * whose state is in final fields, and an array's elements are not). With the volatile write after the array is
     * filled, every thread that reads the reference sees the whole frame. Two threads may still both encode: either
     * result is the same bytes, and one of them is kept.
     */
    private volatile byte[] frame;

    /**
     * @param name        the SSE event name ({@code stats}, {@code event}, ...); WebSocket clients see only the text
     * @param text        the JSON text
     * @param coalesceKey non-null for a state update that a newer one with the same key replaces while it waits
     *                    (metrics, stats, heartbeats); null for a message that is delivered in order, never skipped
     * @param sequence    the event sequence it carries, 0 for none; a client never receives a sequence twice
     */
    public Outbound(String name, String text, String coalesceKey, long sequence) {
        this.name = name;
        this.text = Objects.requireNonNull(text, "text");
        this.coalesceKey = coalesceKey;
        this.sequence = sequence;
    }

    public static Outbound ordered(String name, String text, long sequence) {
        return new Outbound(name, text, null, sequence);
    }

    public static Outbound latest(String name, String text, String coalesceKey) {
        return new Outbound(name, text, coalesceKey, 0);
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    public String coalesceKey() {
        return coalesceKey;
    }

    public long sequence() {
        return sequence;
    }

    public boolean coalesced() {
        return coalesceKey != null;
    }

    /**
     * The text as one final, unmasked WebSocket text frame (RFC 6455, section 5.2: what a server sends). Callers
     * must not modify the array.
     */
    public byte[] frame() {
        byte[] f = frame;
        if (f == null) {
            f = TextFrame.encode(text.getBytes(StandardCharsets.UTF_8));
            frame = f;
        }
        return f;
    }

    @Override
    public String toString() {
        return "Outbound[" + name + ", " + (coalesceKey == null ? "#" + sequence : coalesceKey) + "]";
    }
}
