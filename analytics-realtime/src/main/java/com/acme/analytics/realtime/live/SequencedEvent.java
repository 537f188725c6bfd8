package com.acme.analytics.realtime.live;

import com.acme.analytics.domain.events.TrackedEvent;

/**
 * A stored event with its delivery sequence. Sequences grow in the order events are delivered, on every instance
 * alike (they come from the shared database when instances share one), so a client can resume from the last one
 * it saw.
 */
public record SequencedEvent(long sequence, TrackedEvent event) {
}
