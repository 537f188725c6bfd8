package com.acme.analytics.realtime.monitor;

import com.acme.analytics.domain.health.SystemActivity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ActivityRingTest {

    @Test
    void shouldKeepTheNewestFirstUpToItsCapacity() {
        ActivityRing ring = new ActivityRing(50);
        for (int i = 0; i < 60; i++) {
            ring.add(new SystemActivity(SystemActivity.JOB_STARTED, "job " + i, null, Instant.EPOCH));
        }
        List<SystemActivity> latest = ring.latest();
        assertEquals(50, latest.size());
        assertEquals("job 59", latest.get(0).message());
        assertEquals("job 10", latest.get(49).message());
    }

    @Test
    void rejectsAnEmptyRing() {
        assertThrows(IllegalArgumentException.class, () -> new ActivityRing(0));
    }
}
