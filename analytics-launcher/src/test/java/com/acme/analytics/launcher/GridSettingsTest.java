package com.acme.analytics.launcher;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GridSettingsTest {

    @Test
    void shouldRunNoGridWhenClusteringIsNotConfigured() {
        GridSettings grid = GridSettings.from(Map.<String, String>of()::get);

        assertFalse(grid.enabled());
        assertTrue(grid.preBootCommands().isEmpty());
        assertTrue(grid.systemProperties().isEmpty());
    }

    @Test
    void shouldRunNoGridWhenClusteringIsFalse() {
        assertFalse(GridSettings.from(Map.of("ANALYTICS_CLUSTER", "false", "ANALYTICS_CLUSTER_NAME", "x")::get)
                .enabled());
    }

    @Test
    void rejectsClusteringWithoutAName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GridSettings.from(Map.of("ANALYTICS_CLUSTER", "true")::get));
        assertTrue(e.getMessage().contains("ANALYTICS_CLUSTER_NAME"), e.getMessage());
    }

    @Test
    void rejectsAFlagThatIsNeitherTrueNorFalse() {
        assertThrows(IllegalArgumentException.class, () -> GridSettings.from(Map.of("ANALYTICS_CLUSTER", "yes")::get));
    }

    @Test
    void shouldConfineAConfiguredGridToLoopbackByDefault() {
        GridSettings grid = GridSettings.from(Map.of("ANALYTICS_CLUSTER", "true",
                "ANALYTICS_CLUSTER_NAME", "acme-analytics")::get);

        assertTrue(grid.enabled());
        assertEquals(List.of("127.0.0.1"), grid.members());
        assertEquals(List.of("127.0.0.1"), grid.interfaces());
        assertEquals(List.of("set hazelcast-runtime-configuration.cluster-group-name=acme-analytics",
                "set hazelcast-runtime-configuration.discovery-mode=tcpip",
                "set hazelcast-runtime-configuration.tcpip-members=127.0.0.1",
                "set hazelcast-runtime-configuration.interface=127.0.0.1"), commands(grid));
        assertEquals(Map.of("hazelcast.socket.bind.any", "false"), grid.systemProperties());
    }

    @Test
    void shouldJoinOnlyTheListedMembersOnTheListedInterfaces() {
        GridSettings grid = GridSettings.from(Map.of("ANALYTICS_CLUSTER", "TRUE",
                "ANALYTICS_CLUSTER_NAME", "acme-analytics",
                "ANALYTICS_CLUSTER_MEMBERS", "10.0.0.5:6900, 10.0.0.6:6900",
                "ANALYTICS_CLUSTER_INTERFACES", "10.0.0.*")::get);

        assertEquals(List.of("10.0.0.5:6900", "10.0.0.6:6900"), grid.members());
        assertTrue(commands(grid).contains(
                "set hazelcast-runtime-configuration.tcpip-members=10.0.0.5:6900,10.0.0.6:6900"));
        assertTrue(commands(grid).contains("set hazelcast-runtime-configuration.interface=10.0.0.*"));
    }

    private static List<String> commands(GridSettings grid) {
        return grid.preBootCommands().stream().map(c -> String.join(" ", c)).toList();
    }
}
