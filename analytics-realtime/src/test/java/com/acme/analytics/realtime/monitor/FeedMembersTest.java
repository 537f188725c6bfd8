package com.acme.analytics.realtime.monitor;

import com.acme.analytics.domain.health.SystemActivity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedMembersTest {

    @Test
    void shouldTakeTheFirstMembersAsTheStartingPointAndReportEachJoinAndLeaveByName() {
        FeedMembers members = new FeedMembers();
        assertTrue(members.observe(Set.of("a1"), Instant.EPOCH).isEmpty());
        assertTrue(members.observe(Set.of("a1"), Instant.EPOCH).isEmpty());

        List<SystemActivity> joined = members.observe(Set.of("a1", "b2"), Instant.EPOCH);
        assertEquals(1, joined.size());
        assertEquals(SystemActivity.INSTANCE_JOINED, joined.get(0).kind());
        assertEquals("Instance b2 joined the cluster feed (2 listening)", joined.get(0).message());

        // One replaced by another in a single interval: the same count, yet one left and one joined.
        List<SystemActivity> swapped = members.observe(Set.of("a1", "c3"), Instant.EPOCH);
        assertEquals(List.of(SystemActivity.INSTANCE_JOINED, SystemActivity.INSTANCE_LEFT),
                swapped.stream().map(SystemActivity::kind).toList());
        assertTrue(swapped.get(1).message().startsWith("Instance b2 left"), swapped.get(1).message());
    }
}
