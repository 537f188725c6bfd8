package com.acme.analytics.ingest.metrics;

import com.acme.analytics.domain.workspaces.WorkspaceStats;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The live stats of a workspace, read from its stored events; the README defines each figure. */
@ApplicationScoped
public class WorkspaceStatsQuery {

    private static final String STATS = """
            with today as (select date_trunc('day', now() at time zone 'UTC') at time zone 'UTC' as start)
            select count(distinct coalesce(user_id, session_id))
                       filter (where occurred_at > now() - interval '15 minutes') as active_users,
                   count(distinct coalesce(user_id, session_id))
                       filter (where occurred_at > now() - interval '5 minutes') as online_users,
                   count(distinct session_id)
                       filter (where occurred_at > now() - interval '15 minutes') as active_sessions,
                   count(*) filter (where event_type like 'message.%'
                                      and occurred_at > now() - interval '1 hour') as messages_last_hour,
                   count(*) filter (where event_type like 'message.%') as messages_today,
                   count(distinct metadata ->> 'channelId')
                       filter (where occurred_at > now() - interval '1 hour') as active_channels,
                   count(distinct metadata ->> 'orchestratorId')
                       filter (where occurred_at > now() - interval '1 hour') as active_orchestrators,
                   greatest(0, count(distinct metadata ->> 'taskId') filter (where event_type = 'task.started')
                             - count(distinct metadata ->> 'taskId')
                                   filter (where event_type in ('task.completed', 'task.failed')))
                       as tasks_in_progress
            from raw_event, today
            where workspace_id = ? and occurred_at >= today.start
            """;

    private static final String EVENT_COUNTS = """
            select event_type, count(*)
            from raw_event
            where workspace_id = ?
              and occurred_at >= date_trunc('day', now() at time zone 'UTC') at time zone 'UTC'
            group by event_type
            order by event_type
            """;

    @Resource(lookup = "java:app/jdbc/analytics")
    DataSource dataSource;

    public WorkspaceStats stats(String workspaceId) throws SQLException {
        try (Connection con = dataSource.getConnection()) {
            Map<String, Long> counts = new LinkedHashMap<>();
            try (PreparedStatement ps = con.prepareStatement(EVENT_COUNTS)) {
                ps.setString(1, workspaceId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            try (PreparedStatement ps = con.prepareStatement(STATS)) {
                ps.setString(1, workspaceId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new WorkspaceStats(rs.getLong("active_users"), rs.getLong("online_users"),
                            rs.getLong("active_sessions"), rs.getLong("messages_last_hour"),
                            rs.getLong("messages_today"), rs.getLong("active_channels"),
                            rs.getLong("active_orchestrators"), rs.getLong("tasks_in_progress"), counts,
                            Instant.now());
                }
            }
        }
    }
}
