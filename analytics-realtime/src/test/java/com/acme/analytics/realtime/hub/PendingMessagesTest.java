package com.acme.analytics.realtime.hub;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PendingMessagesTest {

    private static final long SECOND = 1_000_000_000L;
    private static final Outbound NOTICE = Outbound.latest("error", "lagging", "lagging");

    private final PendingMessages pending = new PendingMessages(Duration.ofSeconds(1), NOTICE);

    private static Outbound event(long seq) {
        return Outbound.ordered("event", "e" + seq, seq);
    }

    private static Outbound update(int n) {
        return Outbound.latest("metrics_update", "m" + n, "metrics");
    }

    private static List<String> texts(PendingMessages.Batch batch) {
        return batch.messages().stream().map(Outbound::text).toList();
    }

    @Test
    void shouldSendTheLatestUpdateAheadOfEventsAndTheEventsBehindItAsOneBatch() {
        pending.addOrdered(event(1), 10, 10);
        pending.addOrdered(event(2), 11, 10);
        pending.addOrdered(event(3), 12, 10);
        assertFalse(pending.coalesce(update(1), 13));
        assertTrue(pending.coalesce(update(2), 14), "a newer update replaces the waiting one");

        PendingMessages.Batch batch = pending.next(20, 3);
        assertEquals(List.of("m2", "e1", "e2"), texts(batch));
        assertEquals(2, batch.lastSequence(), "the highest sequence the batch holds");
        assertEquals(14, batch.queuedAt(), "when its first message was queued");
        assertEquals(List.of("e3"), texts(pending.next(21, 3)));
        assertNull(pending.next(22, 3));
    }

    @Test
    void shouldHoldCoalescedUpdatesToTheIntervalButNotEvents() {
        pending.coalesce(update(1), 0);
        assertEquals(List.of("m1"), texts(pending.next(SECOND, 5)));
        pending.coalesce(update(2), SECOND);
        assertNull(pending.next(2 * SECOND - 1, 5), "within the interval");
        assertTrue(pending.hasCoalesced());
        pending.addOrdered(event(1), SECOND, 10);
        assertEquals(List.of("e1"), texts(pending.next(2 * SECOND - 1, 5)));
        assertEquals(List.of("m2"), texts(pending.next(2 * SECOND, 5)));
        assertFalse(pending.hasCoalesced());
    }

    @Test
    void rejectsEventsAtOrBelowWhatWasQueuedOrDeclaredSeen() {
        pending.startAfter(5);
        assertTrue(pending.queuedBefore(event(5)));
        assertFalse(pending.queuedBefore(event(6)));
        assertFalse(pending.queuedBefore(Outbound.ordered("message", "answer", 0)), "answers carry no sequence");
        pending.addOrdered(event(8), 0, 10);
        assertTrue(pending.queuedBefore(event(7)));
        assertEquals(8, pending.lastQueuedSequence());
        assertEquals(8, pending.next(0, 1).lastSequence());
    }

    @Test
    void shouldNameSentEventsFromTheRestartSequenceAndReplayTheMissedOnes() {
        pending.addOrdered(event(9), 0, 10);
        pending.next(0, 1);
        pending.restart(2, 4, List.of(3L, 4L), PendingMessagesTest::event, 1);
        assertTrue(pending.queuedBefore(event(4)), "the replay covers up to upTo");
        PendingMessages.Batch replay = pending.next(2, 5);
        assertEquals(List.of("e3", "e4"), texts(replay));
        assertEquals(4, replay.lastSequence(), "counted from the restart, not from what was sent before");
    }

    @Test
    void rejectsOrderedMessagesBeyondTheCapacityOrOnceGivenUpAndSendsTheNoticeFirst() {
        assertTrue(pending.addOrdered(event(1), 0, 2));
        assertTrue(pending.addOrdered(event(2), 0, 2));
        assertFalse(pending.addOrdered(event(3), 0, 2), "the queue is full");
        pending.coalesce(update(1), 0);

        pending.giveUpOrdered(7);
        pending.giveUpOrdered(9);
        assertEquals(7, pending.givenUpAt(), "only the first call counts");
        assertEquals(1, pending.messages(), "the ordered messages were let go, the update stays");
        assertFalse(pending.addOrdered(event(4), 10, 2), "refused once given up, though there is room");
        assertEquals(List.of("lagging"), texts(pending.next(10, 5)), "the notice goes first");
        assertEquals(List.of("m1"), texts(pending.next(10, 5)));
        assertNull(pending.next(10, 5));
    }

    @Test
    void shouldForgetEverythingWaitingOnClearButKeepTheSequences() {
        pending.addOrdered(event(3), 0, 10);
        pending.coalesce(update(1), 0);
        pending.giveUpOrdered(1);
        pending.clear();
        assertEquals(0, pending.messages());
        assertNull(pending.next(SECOND, 5), "nor the notice");
        assertEquals(3, pending.lastQueuedSequence());
    }
}
