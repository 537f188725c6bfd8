package com.acme.analytics.realtime.hub;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who a client of the hub is: its id, its tenant, what its messages look like, what it follows and when it was last
 * heard from. {@link ClientChannel} adds what waits for it and the sending; this part changes only when the client
 * subscribes or speaks. Thread-safe.
 */
abstract class ClientIdentity {

    private final String id;
    private final Instant openedAt = Instant.now();
    private final Set<Topic> topics = ConcurrentHashMap.newKeySet();
    private volatile String workspaceId;
    private volatile Audience audience;
    private volatile long lastActivityNanos = System.nanoTime();

    ClientIdentity(String id, String workspaceId, Audience audience) {
        this.id = id;
        this.workspaceId = workspaceId;
        this.audience = audience;
    }

    public String id() {
        return id;
    }

    /** The tenant the client connected for, or null before a dashboard client subscribed. */
    public String workspaceId() {
        return workspaceId;
    }

    /** Moves the client to another tenant, as a new {@code subscribe} does. */
    public void workspaceId(String workspaceId) {
        this.workspaceId = workspaceId;
    }

    public Audience audience() {
        return audience;
    }

    /** Changes what the client's messages look like, as a new {@code subscribe} does. */
    public void audience(Audience audience) {
        this.audience = audience;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Set<Topic> topics() {
        return topics;
    }

    /** Marks the client as active (a request or message from it), for idle clean-up. */
    public void touch() {
        lastActivityNanos = System.nanoTime();
    }

    public long idleNanos(long now) {
        return now - lastActivityNanos;
    }
}
