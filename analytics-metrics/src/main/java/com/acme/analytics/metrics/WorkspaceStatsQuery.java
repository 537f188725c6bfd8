package com.acme.analytics.metrics;

import com.acme.analytics.domain.workspaces.WorkspaceStats;
import com.acme.analytics.domain.workspaces.WorkspaceViews;
import com.acme.analytics.metrics.MetricEngine.GroupBy;
import com.acme.analytics.metrics.MetricEngine.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The live stats of a workspace: the {@link WorkspaceViews} evaluated by the {@link MetricEngine}. */
@ApplicationScoped
public class WorkspaceStatsQuery {

    @Inject
    MetricEngine engine;

    public WorkspaceStats stats(String workspaceId) throws SQLException {
        Instant now = Instant.now();
        Map<String, Number> v = engine.evaluate(WorkspaceViews.STATS, new Scope(workspaceId, null, GroupBy.NONE),
                WorkspaceViews.TODAY, now).get(0).values();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (MetricEngine.Row row : engine.evaluate(WorkspaceViews.EVENT_COUNTS,
                new Scope(workspaceId, null, GroupBy.EVENT_TYPE), WorkspaceViews.TODAY, now)) {
            counts.put(row.key(), row.values().get("events").longValue());
        }
        return new WorkspaceStats(v.get("activeUsers").longValue(), v.get("onlineUsers").longValue(),
                v.get("activeSessions").longValue(), v.get("messagesLastHour").longValue(),
                v.get("messagesToday").longValue(), v.get("activeChannels").longValue(),
                v.get("activeOrchestrators").longValue(), v.get("tasksInProgress").longValue(), counts, now);
    }
}
