package com.acme.analytics.realtime.cluster;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.realtime.live.LiveDispatcher;
import com.acme.analytics.realtime.live.SequencedEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The feed of a single instance: events go straight to this instance's delivery. Sequences start from the clock
 * (microseconds) so that they keep growing across restarts and a client resuming after one is not confused.
 */
final class LocalEventFeed implements EventFeed {

    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);
    private final LiveDispatcher dispatcher;

    LocalEventFeed(LiveDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public synchronized void publish(List<TrackedEvent> stored) {
        List<SequencedEvent> events = new ArrayList<>(stored.size());
        for (TrackedEvent e : stored) {
            events.add(new SequencedEvent(sequence.incrementAndGet(), e));
        }
        dispatcher.dispatch(events);
    }

    @Override
    public void close() {
    }
}
