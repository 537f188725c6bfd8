package com.acme.analytics.realtime.alerts;

import com.acme.analytics.domain.integrations.IntegrationSynced;
import com.acme.analytics.realtime.monitor.MonitorSample;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The system alerts fire and resolve at the right moment of a controlled clock, on the monitor's samples. */
class SystemAlertRulesTest {

    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private final SystemAlertRules rules = new SystemAlertRules(new SystemAlertRules.Settings(80, 2000, 90,
            Duration.ofSeconds(10), Duration.ofMinutes(5), 3), "1@host");

    /** A healthy sample but for the figures given. */
    private static MonitorSample sample(int buffered, double flushMs, long heapUsedMb, String database, String feed) {
        return new MonitorSample("healthy", Map.of("database", Map.of("status", database),
                "cluster_feed", Map.of("status", feed)), new MonitorSample.Cpu(0.1, 0.2, 2),
                new MonitorSample.Memory(heapUsedMb, 1000, 1200L), null,
                new MonitorSample.Ingest(10, buffered, 10_000, flushMs), new MonitorSample.Connections(0, 0),
                List.of(), List.of(), T0);
    }

    private static MonitorSample healthy() {
        return sample(100, 20, 300, "up", "up");
    }

    private List<SystemAlertRules.Notice> at(int second, MonitorSample s) {
        return rules.onSample(s, T0.plusSeconds(second));
    }

    @Test
    void aFullBufferFiresOnceItHasHeldForItsDurationAndResolvesWhenItDrains() {
        assertTrue(at(0, healthy()).isEmpty());
        assertTrue(at(2, sample(8_500, 20, 300, "up", "up")).isEmpty(), "pending, not yet 10 s");
        assertTrue(at(10, sample(9_000, 20, 300, "up", "up")).isEmpty(), "8 s held");
        List<SystemAlertRules.Notice> fired = at(12, sample(9_100, 20, 300, "up", "up"));
        assertEquals(1, fired.size());
        SystemAlertRules.Notice n = fired.get(0);
        assertEquals(SystemAlertRules.BUFFER, n.kind());
        assertTrue(n.fired());
        assertEquals("System: Ingest buffer above 80 %", n.title());
        assertEquals("The ingest buffer of 1@host is 91 % full (9100 of 10000 events), above 80 %", n.message());
        assertEquals("warning", n.severity());
        assertNull(n.workspaceId(), "for every workspace's admins");
        assertFalse(n.local(), "told to the other instances");
        assertTrue(at(14, sample(9_500, 20, 300, "up", "up")).isEmpty(), "fires once while it holds");

        List<SystemAlertRules.Notice> resolved = at(16, healthy());
        assertEquals(1, resolved.size());
        assertFalse(resolved.get(0).fired());
        assertEquals("Resolved: Ingest buffer above 80 %", resolved.get(0).title());
        assertEquals("success", resolved.get(0).severity());
    }

    @Test
    void aShortSpikeDoesNotFire() {
        at(0, sample(100, 20, 950, "up", "up"));
        at(8, sample(100, 20, 950, "up", "up"));
        assertTrue(at(9, healthy()).isEmpty());
        assertTrue(at(30, healthy()).isEmpty());
    }

    @Test
    void theCooldownHoldsBackASecondFiringSoonAfterTheFirst() {
        at(0, sample(100, 20, 950, "up", "up"));
        assertEquals(List.of("heap"), at(10, sample(100, 20, 950, "up", "up")).stream()
                .map(SystemAlertRules.Notice::kind).toList());
        assertEquals(1, at(12, healthy()).size(), "resolved");
        at(20, sample(100, 20, 950, "up", "up"));
        assertTrue(at(40, sample(100, 20, 950, "up", "up")).isEmpty(), "within 5 min of the first");
        List<SystemAlertRules.Notice> again = at(311, sample(100, 20, 950, "up", "up"));
        assertEquals(1, again.size());
        assertEquals("The heap of 1@host is at 95 % of its maximum (950 of 1000 MB), above 90 %",
                again.get(0).message());
    }

    @Test
    void theDatabaseDownAndTheClusterFeedDisconnectedAreErrorsEachInstanceToldOnlyOfItsOwn() {
        at(0, sample(100, 20, 300, "down", "down"));
        List<SystemAlertRules.Notice> fired = at(10, sample(100, 20, 300, "down", "down"));
        assertEquals(List.of(SystemAlertRules.DATABASE, SystemAlertRules.FEED), fired.stream()
                .map(SystemAlertRules.Notice::kind).toList());
        assertTrue(fired.stream().allMatch(n -> n.local() && n.severity().equals("error")));
        assertEquals("The database does not answer 1@host's probe", fired.get(0).message());
        List<SystemAlertRules.Notice> resolved = at(12, healthy());
        assertEquals("The database answers 1@host again", resolved.get(0).message());
        assertEquals(2, resolved.size());
    }

    @Test
    void aSlowFlushFires() {
        at(0, sample(100, 2500, 300, "up", "up"));
        List<SystemAlertRules.Notice> fired = at(10, sample(100, 2600, 300, "up", "up"));
        assertEquals("The last flush of 1@host took 2600 ms, above 2000 ms", fired.get(0).message());
    }

    @Test
    void anIntegrationFailingThreeTimesInARowAlertsItsWorkspaceUntilItSyncsAgain() {
        IntegrationSynced failed = new IntegrationSynced("w1", 7, "HTTP 503");
        assertTrue(rules.onSync(failed, T0).isEmpty());
        assertTrue(rules.onSync(new IntegrationSynced("w1", 8, "HTTP 503"), T0).isEmpty(), "another integration");
        assertTrue(rules.onSync(failed, T0.plusSeconds(1)).isEmpty());
        SystemAlertRules.Notice fired = rules.onSync(failed, T0.plusSeconds(2)).orElseThrow();
        assertEquals("w1", fired.workspaceId());
        assertEquals("System: Integration sync failing", fired.title());
        assertEquals("Integration 7: 3 syncs failed in a row, the last: HTTP 503", fired.message());
        assertEquals("/#/integrations", fired.actionUrl());
        assertTrue(rules.onSync(failed, T0.plusSeconds(3)).isEmpty(), "fires once");
        SystemAlertRules.Notice resolved = rules.onSync(new IntegrationSynced("w1", 7, null), T0.plusSeconds(4))
                .orElseThrow();
        assertEquals("Resolved: Integration sync failing", resolved.title());
        assertEquals("Integration 7 synced again", resolved.message());
    }

    @Test
    void theStatusesShowEachAlertsPhaseAndLastValueAndOnlyTheWorkspacesIntegrations() {
        at(0, sample(100, 20, 950, "up", "up"));
        at(10, sample(100, 20, 950, "up", "up"));
        rules.onSync(new IntegrationSynced("w1", 7, "HTTP 503"), T0);
        rules.onSync(new IntegrationSynced("w2", 9, "HTTP 503"), T0);
        List<SystemAlertRules.Status> statuses = rules.statuses("w1");
        assertEquals(List.of("ingest_buffer", "flush_latency", "database_down", "heap", "cluster_feed",
                "integration_sync"), statuses.stream().map(SystemAlertRules.Status::kind).toList());
        SystemAlertRules.Status heap = statuses.get(3);
        assertEquals(AlertState.Phase.FIRING, heap.phase());
        assertEquals(T0.plusSeconds(10), heap.since());
        assertEquals(95.0, heap.value());
        assertEquals(AlertState.Phase.NORMAL, statuses.get(0).phase());
        assertEquals(1.0, statuses.get(0).value(), "1 % full");
        assertEquals("Integration sync failing (integration 7)", statuses.get(5).title());
        assertEquals(AlertState.Phase.NORMAL, statuses.get(5).phase(), "one failure of three");
    }
}
