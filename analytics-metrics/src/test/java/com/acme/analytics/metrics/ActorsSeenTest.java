package com.acme.analytics.metrics;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActorsSeenTest {

    private static final LiveKey C1_CLICK = new LiveKey("c1", "click");
    private static final LiveKey C1_VIEW = new LiveKey("c1", "view");
    private static final LiveKey C2_CLICK = new LiveKey("c2", "click");

    private static Map<String, Long> users(ActorsSeen a, long from) {
        return a.distinct(ActorsSeen.Kind.USER, k -> true, k -> null, from);
    }

    @Test
    void shouldCountEachActorOncePerGroupWhateverItsEvents() {
        ActorsSeen a = new ActorsSeen();
        a.record(10, C1_CLICK, "u1", "s1");
        a.record(11, C1_VIEW, "u1", "s1");
        a.record(12, C2_CLICK, "u1", "s2");
        a.record(12, C2_CLICK, "u2", "s3");
        assertTrue(a.endAt(13));
        assertEquals(Map.of("c1", 1L, "c2", 2L),
                a.distinct(ActorsSeen.Kind.USER, k -> true, LiveKey::campaignId, 0));
        assertEquals(Map.of("c1", 1L, "c2", 2L),
                a.distinct(ActorsSeen.Kind.SESSION, k -> true, LiveKey::campaignId, 0));
        assertEquals(2L, users(a, 0).get(null));
        assertEquals(2L, users(a, 12).get(null), "u1 and u2 at 12");
        assertEquals(0L, users(a, 13).get(null));
    }

    @Test
    void shouldCountOnlyWhatHappenedBeforeTheWindowsEnd() {
        ActorsSeen a = new ActorsSeen();
        a.record(10, C1_CLICK, "u1", null);
        a.record(20, C1_CLICK, "u2", null);
        assertTrue(a.endAt(15));
        assertEquals(1L, users(a, 0).get(null), "u2 is stamped after the end");
        assertTrue(a.endAt(21));
        assertEquals(2L, users(a, 0).get(null));
    }

    @Test
    void refusesAWindowEndingBeforeOneAlreadyAnswered() {
        ActorsSeen a = new ActorsSeen();
        assertTrue(a.endAt(100));
        assertFalse(a.endAt(99));
        assertTrue(a.endAt(100));
    }

    @Test
    void shouldCountBouncesAcrossTheTypesOfAGroup() {
        ActorsSeen a = new ActorsSeen();
        a.record(10, C1_CLICK, null, "once");
        a.record(10, C1_CLICK, null, "twice");
        a.record(11, C1_VIEW, null, "twice");
        a.record(5, C1_VIEW, null, "earlier");
        a.record(12, C1_VIEW, null, "earlier");
        assertTrue(a.endAt(13));
        assertEquals(Map.of("c1", 2L), a.seenOnce(k -> true, LiveKey::campaignId, 10), "once and earlier");
        assertEquals(Map.of("c1", 1L), a.seenOnce(k -> true, LiveKey::campaignId, 0), "only once");
        assertEquals(Map.of("c1", 2L), a.seenOnce(k -> k.eventType().equals("click"), LiveKey::campaignId, 0),
                "clicks only: once and twice");
    }

    @Test
    void shouldForgetActorsOlderThanAnyWindow() {
        ActorsSeen a = new ActorsSeen();
        a.record(10, C1_CLICK, "old", null);
        a.record(50, C1_CLICK, "new", null);
        a.endAt(60);
        a.forgetBefore(40);
        assertEquals(1L, users(a, 0).get(null));
    }
}
