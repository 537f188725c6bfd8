package com.acme.analytics.ingest.metrics;

import com.acme.analytics.domain.metrics.EventFilter;
import com.acme.analytics.domain.metrics.Metric;
import com.acme.analytics.domain.metrics.MetricView;
import com.acme.analytics.domain.metrics.MetricWindow;
import com.acme.analytics.domain.metrics.MetricWindow.Interval;
import com.acme.analytics.domain.metrics.Subject;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates a {@link MetricView} over the stored events: every base metric of the view becomes one filtered
 * aggregate of a single query (one more for bounces), then the view derives the rest. Distinct counts are exact,
 * from the stored events, so they survive restarts. All windows resolve against one "now".
 */
@ApplicationScoped
public class MetricEngine {

    /** How results are split. */
    public enum GroupBy { NONE, CAMPAIGN, EVENT_TYPE }

    /**
     * Whose events.
     *
     * @param workspaceId the tenant
     * @param campaignId  one campaign, or null for all
     * @param groupBy     one row in all, or one per campaign or per event type
     */
    public record Scope(String workspaceId, String campaignId, GroupBy groupBy) {
        public Scope {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(groupBy, "groupBy");
        }
    }

    /**
     * @param key    the campaign or event type of the row, null when not grouped
     * @param values every entry of the view
     */
    public record Row(String key, Map<String, Number> values) {
    }

    @Resource(lookup = "java:app/jdbc/analytics")
    DataSource dataSource;

    /**
     * @param window the window of the entries that have none of their own
     * @return one row when not grouped (zeros when there were no events), else one per group that had events,
     *         ordered by key
     */
    public List<Row> evaluate(MetricView view, Scope scope, MetricWindow window, Instant now) throws SQLException {
        Query q = new Query();
        List<MetricView.Entry> aggregates = new ArrayList<>();
        MetricView.Entry bounces = null;
        for (MetricView.Entry e : view.baseEntries()) {
            if (e.metric() instanceof Metric.SingleEventSessions) {
                bounces = e;
            } else {
                aggregates.add(e);
            }
        }
        String key = groupColumn(scope.groupBy());
        StringBuilder select = new StringBuilder("select ").append(key).append(" as k");
        for (MetricView.Entry e : aggregates) {
            select.append(", ").append(aggregate(e.metric(), view.windowOf(e, window).at(now), q));
        }
        Interval span = span(view, window, now);
        select.append(" from raw_event where ").append(scopeCondition(scope, span, q));
        if (scope.groupBy() != GroupBy.NONE) {
            select.append(" group by k");
        }

        Map<String, Map<String, Number>> rows = new LinkedHashMap<>();
        try (Connection con = dataSource.getConnection()) {
            try (ResultSet rs = q.run(con, select.toString())) {
                while (rs.next()) {
                    Map<String, Number> values = new HashMap<>();
                    for (int i = 0; i < aggregates.size(); i++) {
                        Metric m = aggregates.get(i).metric();
                        values.put(aggregates.get(i).name(), m instanceof Metric.Mean
                                ? rs.getDouble(i + 2) : (Number) rs.getLong(i + 2));
                    }
                    rows.put(rs.getString(1), values);
                }
            }
            if (bounces != null) {
                Map<String, Long> counts = singleEventSessions(con, (Metric.SingleEventSessions) bounces.metric(),
                        scope, view.windowOf(bounces, window).at(now));
                for (Map.Entry<String, Map<String, Number>> row : rows.entrySet()) {
                    row.getValue().put(bounces.name(), counts.getOrDefault(row.getKey(), 0L));
                }
            }
        }
        List<Row> out = new ArrayList<>(rows.size());
        rows.forEach((k, base) -> out.add(new Row(k, view.derive(base, window, now))));
        out.sort(Comparator.comparing(Row::key, Comparator.nullsFirst(Comparator.naturalOrder())));
        return out;
    }

    private Map<String, Long> singleEventSessions(Connection con, Metric.SingleEventSessions metric, Scope scope,
                                                  Interval interval) throws SQLException {
        Query q = new Query();
        String sql = "select k, count(*) from (select " + groupColumn(scope.groupBy()) + " as k, session_id"
                + " from raw_event where " + scopeCondition(scope, interval, q) + " and session_id is not null"
                + filterCondition(metric.filter(), q)
                + " group by 1, session_id having count(*) = 1) s group by k";
        Map<String, Long> counts = new HashMap<>();
        try (ResultSet rs = q.run(con, sql)) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    private static String groupColumn(GroupBy groupBy) {
        return switch (groupBy) {
            case NONE -> "null::text";
            case CAMPAIGN -> "campaign_id";
            case EVENT_TYPE -> "event_type";
        };
    }

    private static String scopeCondition(Scope scope, Interval interval, Query q) {
        StringBuilder where = new StringBuilder("workspace_id = ?");
        q.param(scope.workspaceId());
        if (scope.campaignId() != null) {
            where.append(" and campaign_id = ?");
            q.param(scope.campaignId());
        } else if (scope.groupBy() == GroupBy.CAMPAIGN) {
            where.append(" and campaign_id is not null");
        }
        where.append(" and occurred_at >= ? and occurred_at < ?");
        q.param(interval.from().atOffset(ZoneOffset.UTC));
        q.param(interval.to().atOffset(ZoneOffset.UTC));
        return where.toString();
    }

    /** The smallest interval holding every entry's window: the rows the query reads. */
    private static Interval span(MetricView view, MetricWindow window, Instant now) {
        Instant from = null;
        Instant to = null;
        for (MetricView.Entry e : view.baseEntries()) {
            Interval i = view.windowOf(e, window).at(now);
            from = from == null || i.from().isBefore(from) ? i.from() : from;
            to = to == null || i.to().isAfter(to) ? i.to() : to;
        }
        return from == null ? window.at(now) : new Interval(from, to);
    }

    private static String aggregate(Metric metric, Interval interval, Query q) {
        if (metric instanceof Metric.Count c) {
            return "count(*) filter (where " + within(interval, q) + filterCondition(c.filter(), q) + ")";
        }
        if (metric instanceof Metric.Sum s) {
            return "coalesce(sum(value_micros) filter (where " + within(interval, q) + filterCondition(s.filter(), q)
                    + "), 0)";
        }
        if (metric instanceof Metric.Distinct d) {
            String subject = subject(d.subject(), q);
            return "count(distinct " + subject + ") filter (where " + within(interval, q)
                    + filterCondition(d.filter(), q) + ")";
        }
        if (metric instanceof Metric.Mean m) {
            q.param(m.property());
            String value = "(metadata ->> ?)::numeric";
            String condition = within(interval, q) + filterCondition(m.filter(), q)
                    + " and jsonb_typeof(metadata -> ?) = 'number'";
            q.param(m.property());
            return "coalesce(avg(" + value + ") filter (where " + condition + "), 0)";
        }
        throw new IllegalArgumentException("not an aggregate: " + metric);
    }

    private static String within(Interval interval, Query q) {
        q.param(interval.from().atOffset(ZoneOffset.UTC));
        q.param(interval.to().atOffset(ZoneOffset.UTC));
        return "occurred_at >= ? and occurred_at < ?";
    }

    private static String filterCondition(EventFilter filter, Query q) {
        if (filter.prefix() != null) {
            q.param(filter.prefix());
            return " and starts_with(event_type, ?)";
        }
        if (!filter.types().isEmpty()) {
            q.textArray(filter.types().toArray(String[]::new));
            return " and event_type = any(?)";
        }
        return "";
    }

    private static String subject(Subject subject, Query q) {
        return switch (subject.kind()) {
            case USER -> "coalesce(user_id, session_id)";
            case SESSION -> "session_id";
            case CAMPAIGN -> "campaign_id";
            case PROPERTY -> {
                q.param(subject.property());
                yield "metadata ->> ?";
            }
        };
    }

    /** Parameters in the order their placeholders appear in the SQL text. */
    private static final class Query {
        private final List<Object> params = new ArrayList<>();

        void param(Object value) {
            params.add(value);
        }

        void textArray(String[] values) {
            params.add(values);
        }

        ResultSet run(Connection con, String sql) throws SQLException {
            PreparedStatement ps = con.prepareStatement(sql);
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof String[] array) {
                    Array a = con.createArrayOf("text", array);
                    ps.setArray(i + 1, a);
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            ps.closeOnCompletion();
            return ps.executeQuery();
        }
    }
}
