package com.acme.analytics.ingest.metrics;

import com.acme.analytics.domain.campaigns.CampaignCounters;
import com.acme.analytics.domain.campaigns.DashboardSummary;
import com.acme.analytics.domain.campaigns.RealTimeMetrics;
import com.acme.analytics.domain.metrics.Money;
import com.acme.analytics.domain.metrics.Ratio;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Campaign figures over a trailing window, read from the stored events. A campaign id may repeat across
 * workspaces, so every query is scoped to a workspace unless the caller asks for all of them (null).
 */
@ApplicationScoped
public class CampaignMetricsQuery {

    private static final String COUNTERS = """
            select campaign_id,
                   count(*) filter (where event_type = 'impression') as impressions,
                   count(*) filter (where event_type = 'click') as clicks,
                   count(*) filter (where event_type = 'conversion') as conversions,
                   count(*) filter (where event_type = 'view') as views,
                   count(*) filter (where event_type = 'engagement') as engagements,
                   count(*) filter (where event_type = 'completion') as completions,
                   count(*) filter (where event_type = 'skip') as skips,
                   coalesce(sum(value_micros), 0) as spent_micros,
                   coalesce(avg((metadata ->> 'duration')::numeric)
                       filter (where event_type = 'view' and jsonb_typeof(metadata -> 'duration') = 'number'), 0)
                       as average_view_time
            from raw_event
            where (?::text is null or workspace_id = ?)
              and (?::text is null or campaign_id = ?)
              and campaign_id is not null
              and event_type in ('impression', 'click', 'conversion', 'view', 'engagement', 'completion', 'skip')
              and occurred_at > now() - make_interval(secs => ?)
            group by campaign_id
            order by campaign_id
            """;

    private static final String SESSIONS = """
            select count(*) filter (where events = 1) as bounced, count(*) as sessions
            from (select session_id, count(*) as events
                  from raw_event
                  where (?::text is null or workspace_id = ?)
                    and campaign_id = ?
                    and session_id is not null
                    and occurred_at > now() - make_interval(secs => ?)
                  group by session_id) s
            """;

    @Resource(lookup = "java:app/jdbc/analytics")
    DataSource dataSource;

    /** The {@code RealTimeMetrics} of one campaign; all zero when it had no events in the window. */
    public RealTimeMetrics campaign(String workspaceId, String campaignId, TimeWindow window) throws SQLException {
        try (Connection con = dataSource.getConnection()) {
            List<Row> rows = counters(con, workspaceId, campaignId, window);
            Row row = rows.isEmpty() ? new Row(campaignId, CampaignCounters.ZERO, 0) : rows.get(0);
            return RealTimeMetrics.of(campaignId, Instant.now(), row.counters(), row.averageViewTime(),
                    bounces(con, workspaceId, campaignId, window));
        }
    }

    /** The dashboard of a workspace: its summary and one row per campaign that had events in the window. */
    public Dashboard dashboard(String workspaceId, TimeWindow window) throws SQLException {
        try (Connection con = dataSource.getConnection()) {
            List<Row> rows = counters(con, workspaceId, null, window);
            Instant now = Instant.now();
            List<RealTimeMetrics> campaigns = new ArrayList<>(rows.size());
            for (Row row : rows) {
                campaigns.add(RealTimeMetrics.of(row.campaignId(), now, row.counters(), row.averageViewTime(),
                        bounces(con, workspaceId, row.campaignId(), window)));
            }
            return new Dashboard(workspaceId, window.seconds(),
                    DashboardSummary.of(rows.stream().map(Row::counters).toList()), campaigns, now);
        }
    }

    private static List<Row> counters(Connection con, String workspaceId, String campaignId, TimeWindow window)
            throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(COUNTERS)) {
            ps.setString(1, workspaceId);
            ps.setString(2, workspaceId);
            ps.setString(3, campaignId);
            ps.setString(4, campaignId);
            ps.setLong(5, window.seconds());
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString("campaign_id"), new CampaignCounters(rs.getLong("impressions"),
                            rs.getLong("clicks"), rs.getLong("conversions"), rs.getLong("views"),
                            rs.getLong("engagements"), rs.getLong("completions"), rs.getLong("skips"),
                            new Money(rs.getLong("spent_micros"))), rs.getDouble("average_view_time")));
                }
            }
            return rows;
        }
    }

    private static Ratio bounces(Connection con, String workspaceId, String campaignId, TimeWindow window)
            throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(SESSIONS)) {
            ps.setString(1, workspaceId);
            ps.setString(2, workspaceId);
            ps.setString(3, campaignId);
            ps.setLong(4, window.seconds());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Ratio(rs.getLong("bounced"), rs.getLong("sessions"));
            }
        }
    }

    private record Row(String campaignId, CampaignCounters counters, double averageViewTime) {
    }

    /** The organization dashboard of the campaign pipeline contract. */
    public record Dashboard(String organizationId, long timeWindow, DashboardSummary summary,
                            List<RealTimeMetrics> campaigns, Instant timestamp) {
    }
}
