package com.acme.analytics.realtime.monitor;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MonitorStatusTest {

    @Test
    void shouldBeDownWithoutTheDatabase() {
        assertEquals("down", MonitorStatus.derive(null, 500, true, true));
    }

    @Test
    void shouldBeDegradedWhenAPartIsUnwell() {
        assertEquals("degraded", MonitorStatus.derive(3.0, 500, false, true));
        assertEquals("degraded", MonitorStatus.derive(3.0, 500, true, false));
        assertEquals("degraded", MonitorStatus.derive(800.0, 500, true, true));
    }

    @Test
    void shouldBeHealthyWhenEveryCheckPasses() {
        assertEquals("healthy", MonitorStatus.derive(3.0, 500, true, true));
    }

    @Test
    void shouldReadVmRssInMegabytes() {
        assertEquals(512L, ProcessFigures.vmRssMb(List.of("Name:\tjava", "VmRSS:\t  524288 kB")));
        assertEquals(null, ProcessFigures.vmRssMb(List.of("Name:\tjava")));
    }
}
