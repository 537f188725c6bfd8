package com.acme.analytics.realtime.cluster;

import com.acme.analytics.domain.events.TrackedEvent;

import java.util.List;

/**
 * Carries events stored on this instance to the live delivery of every instance (this one included), each with a
 * sequence number that is the same everywhere.
 */
public interface EventFeed extends AutoCloseable {

    /** Publishes events that were just stored, in order. Never throws: a failure is logged, not propagated. */
    void publish(List<TrackedEvent> stored);

    /** Tells the other instances of a job's state (their followers'); never throws. */
    default void announce(com.acme.analytics.domain.jobs.JobProgress progress) {
    }

    /** Tells the other instances that a provider sync ended here (their clients' updates); never throws. */
    default void announce(com.acme.analytics.domain.integrations.IntegrationSynced sync) {
    }

    /** Tells the other instances of a notification for a workspace's dashboards; never throws. */
    default void announce(com.acme.analytics.realtime.live.WorkspaceNotice notice) {
    }

    @Override
    void close();
}
