package com.acme.analytics.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeenTest {

    @Test
    void shouldTellWhetherAnActorWasSeenOnceOrMoreSinceASecond() {
        Seen s = new Seen();
        s.see(100);
        s.see(50);
        s.see(80);
        assertTrue(s.seenSince(100));
        assertFalse(s.seenSince(101));
        assertTrue(s.seenOnceSince(81), "only 100 since 81");
        assertFalse(s.seenOnceSince(80), "80 and 100 since 80");
    }

    @Test
    void shouldCountTwoEventsInOneSecondAsTwo() {
        Seen s = new Seen();
        s.see(10);
        s.see(10);
        assertFalse(s.seenOnceSince(10));
    }

    @Test
    void shouldMergeTheSightingsOfOneActorUnderSeveralKeys() {
        Seen a = new Seen();
        a.see(10);
        Seen b = new Seen();
        b.see(20);
        Seen merged = new Seen();
        merged.see(a);
        merged.see(b);
        assertTrue(merged.seenOnceSince(11));
        assertFalse(merged.seenOnceSince(10));
    }
}
