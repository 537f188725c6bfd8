package com.acme.analytics.domain.workspaces;

import java.time.Instant;
import java.util.Map;

/**
 * The live stats of a workspace (the {@code data} of the workspace snapshot and of each SSE {@code stats} event).
 * What each figure counts is defined in the README.
 */
public record WorkspaceStats(long activeUsers, long onlineUsers, long activeSessions, long messagesLastHour,
                             long messagesToday, long activeChannels, long activeOrchestrators, long tasksInProgress,
                             Map<String, Long> eventCounts, Instant timestamp) {

    public WorkspaceStats {
        eventCounts = Map.copyOf(eventCounts);
    }
}
