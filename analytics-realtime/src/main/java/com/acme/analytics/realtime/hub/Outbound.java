package com.acme.analytics.realtime.hub;

/**
 * One message on its way to clients, written once and shared by every client it goes to.
 *
 * @param name        the SSE event name ({@code stats}, {@code event}, ...); WebSocket clients see only the text
 * @param text        the JSON text
 * @param coalesceKey non-null for a state update that a newer one with the same key replaces while it waits
 *                    (metrics, stats, heartbeats); null for a message that is delivered in order, never skipped
 * @param sequence    the event sequence it carries, 0 for none; a client never receives a sequence twice
 */
public record Outbound(String name, String text, String coalesceKey, long sequence) {

    public static Outbound ordered(String name, String text, long sequence) {
        return new Outbound(name, text, null, sequence);
    }

    public static Outbound latest(String name, String text, String coalesceKey) {
        return new Outbound(name, text, coalesceKey, 0);
    }

    public boolean coalesced() {
        return coalesceKey != null;
    }
}
