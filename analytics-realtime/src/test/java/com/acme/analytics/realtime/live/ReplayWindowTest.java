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
        return event(seq, workspace, "{}");
    }

    private static SequencedEvent event(long seq, String workspace, String metadata) {
        return new SequencedEvent(seq, new TrackedEvent("e" + seq, workspace, "click", "c", Instant.EPOCH,
                new Money(0), null, null, metadata));
    }

    @Test
    void shouldReplayTheWorkspacesEventsAfterTheSequenceInOrder() {
        ReplayWindow w = new ReplayWindow(10, Long.MAX_VALUE);
        for (long s = 1; s <= 6; s++) {
            w.append(event(s, s % 2 == 0 ? "a" : "b"));
        }
        ReplayWindow.Replay r = w.after("a", 2);
        assertEquals(List.of(4L, 6L), r.events().stream().map(SequencedEvent::sequence).toList());
        assertTrue(r.complete());
    }

    @Test
    void shouldSayWhenEventsLeftTheWindow() {
        ReplayWindow w = new ReplayWindow(3, Long.MAX_VALUE);
        for (long s = 1; s <= 5; s++) {
            w.append(event(s, "a"));
        }
        assertFalse(w.after("a", 1).complete());
        assertEquals(List.of(3L, 4L, 5L), w.after("a", 1).events().stream().map(SequencedEvent::sequence).toList());
        assertTrue(w.after("a", 2).complete());
    }

    @Test
    void shouldLetTheOldestGoWhenTheBytesWouldPassTheLimit() {
        String large = "{\"pad\":\"" + "x".repeat(1000) + "\"}";
        long oneLarge = ReplayWindow.bytes(event(1, "a", large));
        ReplayWindow w = new ReplayWindow(100, 2 * oneLarge);
        for (long s = 1; s <= 4; s++) {
            w.append(event(s, "a", large));
        }
        assertEquals(List.of(3L, 4L), w.after("a", 0).events().stream().map(SequencedEvent::sequence).toList(),
                "two large events fit, not three, though the count allows 100");
        assertFalse(w.after("a", 1).complete());
        assertTrue(w.after("a", 2).complete());
        assertEquals(2 * oneLarge, w.bytes());
    }

    @Test
    void shouldKeepNothingOfAnEventLargerThanTheWholeWindowButSayItWasMissed() {
        ReplayWindow w = new ReplayWindow(100, 500);
        w.append(event(1, "a"));
        w.append(event(2, "a", "{\"pad\":\"" + "x".repeat(1000) + "\"}"));
        w.append(event(3, "a"));
        assertEquals(List.of(1L, 3L), w.after("a", 0).events().stream().map(SequencedEvent::sequence).toList());
        assertFalse(w.after("a", 1).complete(), "event 2 is missing");
        assertTrue(w.after("a", 2).complete());
    }
}
