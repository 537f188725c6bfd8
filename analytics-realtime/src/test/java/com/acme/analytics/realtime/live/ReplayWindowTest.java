package com.acme.analytics.realtime.live;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.domain.metrics.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayWindowTest {

    private static SequencedEvent event(long seq, String workspace) {
        return new SequencedEvent(seq, new TrackedEvent("e" + seq, workspace, "click", "c", Instant.EPOCH,
                new Money(0), null, null, "{}"));
    }

    @Test
    void shouldReplayTheWorkspacesEventsAfterTheSequenceInOrder() {
        ReplayWindow w = new ReplayWindow(10);
        for (long s = 1; s <= 6; s++) {
            w.append(event(s, s % 2 == 0 ? "a" : "b"));
        }
        ReplayWindow.Replay r = w.after("a", 2);
        assertEquals(List.of(4L, 6L), r.events().stream().map(SequencedEvent::sequence).toList());
        assertTrue(r.complete());
    }

    @Test
    void shouldSayWhenEventsLeftTheWindow() {
        ReplayWindow w = new ReplayWindow(3);
        for (long s = 1; s <= 5; s++) {
            w.append(event(s, "a"));
        }
        assertFalse(w.after("a", 1).complete());
        assertEquals(List.of(3L, 4L, 5L), w.after("a", 1).events().stream().map(SequencedEvent::sequence).toList());
        assertTrue(w.after("a", 2).complete());
    }
}
