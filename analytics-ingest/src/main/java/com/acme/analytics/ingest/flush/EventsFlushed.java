package com.acme.analytics.ingest.flush;

import java.time.Instant;
import java.util.Set;

/**
 * Fired asynchronously after a flush committed: the metrics of these workspaces have changed.
 *
 * @param workspaceIds the workspaces that had events in the flush
 * @param eventCount   how many events the flush wrote, duplicates excluded
 * @param at           when the flush committed
 */
public record EventsFlushed(Set<String> workspaceIds, int eventCount, Instant at) {

    public EventsFlushed {
        workspaceIds = Set.copyOf(workspaceIds);
    }
}
