package com.acme.analytics.realtime.hub;

/**
 * The shape of the messages a client expects, by contract and options. Clients with equal audiences on a topic
 * share one written message per publication; implementations are records, compared by value.
 */
public interface Audience {

    /** Whether clients of this audience receive the WebSocket {@code heartbeat} message. */
    default boolean heartbeats() {
        return false;
    }
}
