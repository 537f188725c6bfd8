package com.acme.analytics.domain.events;

import com.acme.analytics.domain.events.TrackedEvent;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * These events are now stored (duplicates of stored events are not among them), so the metrics of their
 * workspaces have changed. Fired synchronously for each committed chunk, before its requests are answered, and
 * asynchronously afterwards, in commit order, for one or more flushes at once (the batches grow with load): an
 * observer hears of each stored event once either way.
 *
 * @param events the newly stored events, in the order they were accepted
 * @param at     when the flush committed
 */
public record EventsFlushed(List<TrackedEvent> events, Instant at) {

    public EventsFlushed {
        events = List.copyOf(events);
    }

    /** The workspaces that had events in the flush. */
    public Set<String> workspaceIds() {
        return events.stream().map(TrackedEvent::workspaceId).collect(Collectors.toUnmodifiableSet());
    }
}
