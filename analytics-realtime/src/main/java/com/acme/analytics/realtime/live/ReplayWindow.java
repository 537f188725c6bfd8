package com.acme.analytics.realtime.live;

import com.acme.analytics.domain.events.TrackedEvent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The most recent events of every workspace, bounded in count and in bytes across workspaces, so that memory
 * depends neither on how many tenants there are nor on how large their events' properties are. Not thread-safe:
 * the {@link LiveDispatcher} guards it.
 */
final class ReplayWindow {

    /** What an event costs beyond its text: the objects that hold it (counted on a 64-bit JVM). */
    static final int OVERHEAD_BYTES = 200;

    private final int capacity;
    private final long maxBytes;
    private final ArrayDeque<SequencedEvent> events = new ArrayDeque<>();
    private long bytes;
    /** The highest sequence that left the window, 0 while none did. */
    private long evicted;

    /**
     * @param capacity most events held
     * @param maxBytes most bytes held, as {@link #bytes(SequencedEvent)} counts them
     */
    ReplayWindow(int capacity, long maxBytes) {
        this.capacity = capacity;
        this.maxBytes = maxBytes;
    }

    void append(SequencedEvent event) {
        long size = bytes(event);
        if (capacity == 0 || size > maxBytes) {
            evicted = Math.max(evicted, event.sequence());
            return;
        }
        while (events.size() == capacity || bytes + size > maxBytes) {
            SequencedEvent oldest = events.removeFirst();
            bytes -= bytes(oldest);
            evicted = oldest.sequence();
        }
        events.addLast(event);
        bytes += size;
    }

    /** The bytes an event holds: its text (one byte a character, as compact strings of ASCII) and the overhead. */
    static long bytes(SequencedEvent sequenced) {
        TrackedEvent e = sequenced.event();
        return OVERHEAD_BYTES + length(e.eventId()) + length(e.workspaceId()) + length(e.eventType())
                + length(e.campaignId()) + length(e.sessionId()) + length(e.userId()) + length(e.metadataJson());
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    /** The bytes held now. */
    long bytes() {
        return bytes;
    }

    /**
     * The workspace's events after the sequence, oldest first.
     *
     * @return the events, and whether the window still held the one right after {@code after} (else some are
     * missing: they left the window)
     */
    Replay after(String workspaceId, long after) {
        List<SequencedEvent> out = new ArrayList<>();
        for (Iterator<SequencedEvent> it = events.descendingIterator(); it.hasNext(); ) {
            SequencedEvent e = it.next();
            if (e.sequence() <= after) {
                break;
            }
            if (e.event().workspaceId().equals(workspaceId)) {
                out.add(e);
            }
        }
        Collections.reverse(out);
        return new Replay(out, after >= evicted);
    }

    /** @param complete false when events after the requested sequence had already left the window */
    record Replay(List<SequencedEvent> events, boolean complete) {
    }
}
