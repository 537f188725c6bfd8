package com.acme.analytics.realtime.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The most recent events of every workspace, bounded in count across workspaces so that memory does not depend
 * on how many tenants there are. Not thread-safe: the {@link LiveDispatcher} guards it.
 */
final class ReplayWindow {

    private final int capacity;
    private final ArrayDeque<SequencedEvent> events = new ArrayDeque<>();
    /** The highest sequence that left the window, 0 while none did. */
    private long evicted;

    ReplayWindow(int capacity) {
        this.capacity = capacity;
    }

    void append(SequencedEvent event) {
        if (capacity == 0) {
            return;
        }
        if (events.size() == capacity) {
            evicted = events.removeFirst().sequence();
        }
        events.addLast(event);
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
