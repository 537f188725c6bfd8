package com.acme.analytics.ingest.flush;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.domain.metrics.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnownActorsTest {

    private static TrackedEvent event(String id, Instant at, String session, String user) {
        return new TrackedEvent(id, "ws", "click", "camp", at, new Money(0), session, user, "{}");
    }

    @Test
    void shouldKnowOnlyTheActorsOfStoredEventsOnceCommitted() {
        KnownActors actors = new KnownActors();
        Instant at = Instant.parse("2026-12-03T10:00:00Z");
        List<String> keys = List.of(KnownActors.keyOf(event("a", at, "s1", null)),
                KnownActors.keyOf(event("b", at, "s2", null)));
        assertArrayEquals(new boolean[] {false, false}, actors.known(keys));
        actors.committed(keys, new boolean[] {true, false});
        assertArrayEquals(new boolean[] {true, false}, actors.known(keys));
        assertArrayEquals(new boolean[] {true}, actors.known(List.of(KnownActors.keyOf(
                event("c", at.plusSeconds(3600), "s1", null)))), "the same actor row later that day");
    }

    @Test
    void shouldNeedNoRowForAnEventWithoutSessionOrUser() {
        assertNull(KnownActors.keyOf(event("a", Instant.EPOCH, null, null)));
        assertArrayEquals(new boolean[] {true}, new KnownActors().known(Arrays.asList((String) null)));
    }

    @Test
    void shouldTellDaysApartAsPostgresRoundsTheTimestamp() {
        Instant beforeMidnight = Instant.parse("2026-12-03T23:59:59.999999Z");
        assertNotEquals(KnownActors.keyOf(event("a", beforeMidnight, "s", null)),
                KnownActors.keyOf(event("b", beforeMidnight.plusNanos(1000), "s", null)));
        assertEquals(KnownActors.keyOf(event("a", beforeMidnight.plusNanos(600), "s", null)),
                KnownActors.keyOf(event("b", Instant.parse("2026-12-04T00:00:00Z"), "s", null)),
                "rounded up to the next day's first microsecond");
    }

    @Test
    void shouldTellSessionFromUser() {
        Instant at = Instant.EPOCH;
        assertNotEquals(KnownActors.keyOf(event("a", at, "x", null)), KnownActors.keyOf(event("b", at, null, "x")));
    }

    @Test
    void shouldStartAgainEmptyWhenFull() {
        KnownActors actors = new KnownActors();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i <= KnownActors.CAPACITY; i++) {
            keys.add(KnownActors.keyOf(event("e" + i, Instant.EPOCH, "s" + i, null)));
        }
        boolean[] all = new boolean[keys.size()];
        Arrays.fill(all, true);
        actors.committed(keys, all);
        boolean[] known = actors.known(keys);
        assertFalse(known[0], "forgotten when the set was full");
        assertTrue(known[KnownActors.CAPACITY], "the newest kept");
    }
}
