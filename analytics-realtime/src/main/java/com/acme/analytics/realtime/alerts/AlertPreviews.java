package com.acme.analytics.realtime.alerts;

import com.acme.analytics.domain.events.InvalidInputException;
import com.acme.analytics.domain.metrics.Metric;
import com.acme.analytics.domain.metrics.MetricView;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The backtest behind {@code POST .../alerts/preview}: reads the workspace's per-minute rollups ({@code event_minute})
 * of the last 24 h (and what the condition compares with before them) in one query, and replays the rule over them
 * ({@link Backtest}). Grouped rules keep the first {@link AlertRule#MAX_GROUPS} campaigns, as the live loop does.
 */
@ApplicationScoped
public class AlertPreviews {

    public static final int STEPS = 1440;

    @Resource(lookup = "java:app/jdbc/analytics")
    DataSource dataSource;

    /** Throws InvalidInputException when the rule's metric cannot be added up from minutes. */
    public Backtest.Result preview(String workspaceId, AlertRule rule, Instant now) throws SQLException {
        MetricView view = AlertReadings.viewOf(rule.metric());
        String why = Backtest.previewable(rule, view);
        if (why != null) {
            throw new InvalidInputException(why.startsWith("a preview steps") ? "window" : "metric.field", why);
        }
        Backtest backtest = new Backtest(rule, view);
        Instant to = now.truncatedTo(ChronoUnit.MINUTES);
        int length = backtest.lookbackMinutes() + STEPS;
        Instant from = to.minus(Backtest.STEP.multipliedBy(length));
        return backtest.run(minutes(workspaceId, rule, view, from, to, length), to, STEPS);
    }

    private Map<String, long[][]> minutes(String workspaceId, AlertRule rule, MetricView view, Instant from,
                                          Instant to, int length) throws SQLException {
        AlertRule.MetricRef m = rule.metric();
        String sql = "select minute, campaign_id, event_type, events, value_micros from event_minute"
                + " where workspace_id = ? and minute >= ? and minute < ?"
                + (m.campaignId() != null ? " and campaign_id = ?" : "")
                + (m.eventType() != null ? " and event_type = ?" : "");
        List<MetricView.Entry> entries = view.baseEntries();
        Map<String, long[][]> groups = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, workspaceId);
            ps.setTimestamp(i++, Timestamp.from(from));
            ps.setTimestamp(i++, Timestamp.from(to));
            if (m.campaignId() != null) {
                ps.setString(i++, m.campaignId());
            }
            if (m.eventType() != null) {
                ps.setString(i, m.eventType());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String group = rule.groupBy() == null ? AlertReadings.UNGROUPED : rs.getString(2);
                    if (group.isEmpty() && rule.groupBy() != null) {
                        continue;
                    }
                    int minute = (int) Duration.between(from, rs.getTimestamp(1).toInstant()).toMinutes();
                    long[][] series = groups.computeIfAbsent(group, g -> new long[entries.size()][length]);
                    String type = rs.getString(3);
                    for (int e = 0; e < entries.size(); e++) {
                        Metric metric = entries.get(e).metric();
                        if (metric instanceof Metric.Count count && count.filter().matches(type)) {
                            series[e][minute] += rs.getLong(4);
                        } else if (metric instanceof Metric.Sum sum && sum.filter().matches(type)) {
                            series[e][minute] += rs.getLong(5);
                        }
                    }
                }
            }
        }
        Map<String, long[][]> kept = new TreeMap<>();
        groups.entrySet().stream().limit(AlertRule.MAX_GROUPS).forEach(e -> kept.put(e.getKey(), e.getValue()));
        return kept;
    }
}
