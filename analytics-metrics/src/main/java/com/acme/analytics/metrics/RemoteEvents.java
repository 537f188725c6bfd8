package com.acme.analytics.metrics;

import com.acme.analytics.domain.events.TrackedEvent;

import java.time.Instant;
import java.util.List;

/**
 * Where a cluster feed hands the events that other instances stored, so that this instance's live metrics count
 * them too. The feed must pass each stored event once, never one stored by this instance (those are recorded as
 * they are stored), and say when it may have missed some. Implementations never throw.
 */
public interface RemoteEvents {

    /** Events another instance stored (after its dedupe), as heard. */
    void stored(List<TrackedEvent> events);

    /** The feed is not listening: events stored elsewhere from now on may be missed. */
    void interrupted();

    /** The feed listens again since {@code since}: nothing stored elsewhere after it is missed. */
    void listening(Instant since);
}
