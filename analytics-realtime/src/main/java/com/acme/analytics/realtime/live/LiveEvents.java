package com.acme.analytics.realtime.live;

import java.util.List;

/**
 * Fired synchronously on the delivery thread after a batch reached the workspace topics, for the feeds that
 * derive further messages from it (jobs, integrations, metrics). Observers must not block: they hand database
 * work to an executor.
 */
public record LiveEvents(List<SequencedEvent> events) {

    public LiveEvents {
        events = List.copyOf(events);
    }
}
