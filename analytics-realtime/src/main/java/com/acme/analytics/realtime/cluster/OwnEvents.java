package com.acme.analytics.realtime.cluster;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.realtime.live.SequencedEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * This instance's announced events, kept by the publisher until the listener hears them back. Decoding its own
 * notifications was the listener's main cost (29 % of the server's CPU samples after a burst of 700,000 events,
 * JFR), and a listener that falls behind holds up every live client; the events are at hand, in order of sequence.
 *
 * <p>Thread-safe: the publisher adds, the listener takes.
 */
final class OwnEvents {

    /** Beyond this many sequences since the oldest event not heard back, the listener is not hearing. */
    static final int MAX_IN_FLIGHT = 100_000;

    private final ConcurrentSkipListMap<Long, SequencedEvent> inFlight = new ConcurrentSkipListMap<>();

    /** Keeps events just announced with these sequences (ascending, one per event). */
    void expect(List<TrackedEvent> stored, long[] sequences) {
        var oldest = inFlight.firstEntry();
        if (oldest != null && sequences[sequences.length - 1] - oldest.getKey() > MAX_IN_FLIGHT) {
            return; // the listener is not hearing: it will decode these, or read them from the outbox
        }
        for (int i = 0; i < sequences.length; i++) {
            inFlight.put(sequences[i], new SequencedEvent(sequences[i], stored.get(i)));
        }
    }

    /** Forgets events whose announcement failed: they will never be heard. */
    void forget(long[] sequences) {
        for (long s : sequences) {
            inFlight.remove(s);
        }
    }

    /**
     * The events of a notification of this instance, taken out; null when not all of them are kept here (the
     * notification is then decoded).
     */
    List<SequencedEvent> take(FeedCodec.Header header) {
        NavigableMap<Long, SequencedEvent> range = inFlight.subMap(header.first(), true, header.last(), true);
        if (range.size() != header.last() - header.first() + 1) {
            return null;
        }
        List<SequencedEvent> events = new ArrayList<>(range.values());
        range.clear();
        return events;
    }

    /** Events up to this sequence were delivered otherwise (from the outbox after a reconnect): not heard again. */
    void deliveredUpTo(long sequence) {
        inFlight.headMap(sequence, true).clear();
    }
}
