package com.acme.analytics.metrics;

import com.acme.analytics.domain.metrics.Metric;
import com.acme.analytics.domain.metrics.MetricView;
import com.acme.analytics.domain.metrics.MetricWindow.Interval;
import com.acme.analytics.domain.metrics.Subject;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One query over one table: a filtered aggregate per entry, grouped as the scope asks, reading only the rows
 * of the entries' intervals.
 */
final class AggregateQuery {
    private final String table;
    private final String timeColumn;
    private final boolean dates;
    private final String key;
    private final String scopeCondition;
    private final List<Object> scopeParams = new ArrayList<>();
    private final List<MetricView.Entry> entries = new ArrayList<>();
    private final List<List<Interval>> intervals = new ArrayList<>();

    private AggregateQuery(String table, String timeColumn, boolean dates, String key, MetricEngine.Scope scope,
                   String campaignColumn, String noCampaign) {
        this.table = table;
        this.timeColumn = timeColumn;
        this.dates = dates;
        this.key = key;
        StringBuilder where = new StringBuilder("workspace_id = ?");
        scopeParams.add(scope.workspaceId());
        if (scope.campaignId() != null) {
            where.append(" and ").append(campaignColumn).append(" = ?");
            scopeParams.add(scope.campaignId());
        } else if (scope.groupBy() == MetricEngine.GroupBy.CAMPAIGN) {
            where.append(" and ").append(noCampaign);
        }
        this.scopeCondition = where.toString();
    }

    static AggregateQuery rawEvents(MetricEngine.Scope scope) {
        return new AggregateQuery("raw_event", "occurred_at", false, rawKey(scope.groupBy()), scope, "campaign_id",
                "campaign_id is not null");
    }

    static AggregateQuery minuteRollup(MetricEngine.Scope scope) {
        return new AggregateQuery("event_minute", "minute", false, rollupKey(scope.groupBy()), scope, "campaign_id",
                "campaign_id <> ''");
    }

    static AggregateQuery actorDays(MetricEngine.Scope scope) {
        return new AggregateQuery("actor_day", "day", true, rollupKey(scope.groupBy()), scope, "campaign_id",
                "campaign_id <> ''");
    }

    static String rawKey(MetricEngine.GroupBy groupBy) {
        return switch (groupBy) {
            case NONE -> "null::text";
            case CAMPAIGN -> "campaign_id";
            case EVENT_TYPE -> "event_type";
        };
    }

    private static String rollupKey(MetricEngine.GroupBy groupBy) {
        return switch (groupBy) {
            case NONE -> "null::text";
            case CAMPAIGN -> "nullif(campaign_id, '')";
            case EVENT_TYPE -> "event_type";
        };
    }

    void add(MetricView.Entry entry, List<Interval> parts) {
        if (!parts.isEmpty()) {
            entries.add(entry);
            intervals.add(parts);
        }
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    void run(Connection con, PartialRows partial) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        SqlText q = new SqlText();
        q.append("select ").append(key).append(" as k");
        List<Interval> all = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            q.append(", ");
            aggregate(entries.get(i).metric(), intervals.get(i), q);
            all.addAll(intervals.get(i));
        }
        q.append(" from ").append(table).append(" where ").append(scopeCondition, scopeParams.toArray())
                .append(" and ");
        q.within(timeColumn, merged(all), dates);
        if (!key.equals("null::text")) {
            q.append(" group by k");
        }
        try (ResultSet rs = q.run(con)) {
            while (rs.next()) {
                for (int i = 0; i < entries.size(); i++) {
                    MetricView.Entry e = entries.get(i);
                    partial.put(rs.getString(1), e, e.metric() instanceof Metric.Mean
                            ? (Number) rs.getDouble(i + 2) : (Number) rs.getLong(i + 2));
                }
            }
        }
    }

    private void aggregate(Metric metric, List<Interval> parts, SqlText q) {
        boolean rollup = !table.equals("raw_event");
        if (metric instanceof Metric.Count c) {
            q.append(rollup ? "coalesce(sum(events) filter (where " : "count(*) filter (where ");
            q.within(timeColumn, parts, dates);
            q.filter(c.filter());
            q.append(rollup ? "), 0)" : ")");
        } else if (metric instanceof Metric.Sum s) {
            q.append("coalesce(sum(value_micros) filter (where ");
            q.within(timeColumn, parts, dates);
            q.filter(s.filter());
            q.append("), 0)");
        } else if (metric instanceof Metric.Distinct d) {
            q.append("count(distinct ");
            subject(d.subject(), q);
            q.append(") filter (where ");
            q.within(timeColumn, parts, dates);
            q.filter(d.filter());
            q.append(")");
        } else if (metric instanceof Metric.Mean m) {
            q.append("coalesce(avg((metadata ->> ?)::numeric) filter (where ", m.property());
            q.within(timeColumn, parts, dates);
            q.filter(m.filter());
            q.append(" and jsonb_typeof(metadata -> ?) = 'number'), 0)", m.property());
        } else {
            throw new IllegalArgumentException("not an aggregate: " + metric);
        }
    }

    private void subject(Subject subject, SqlText q) {
        switch (table) {
            case "actor_day" -> q.append(subject.kind() == Subject.Kind.USER
                    ? "coalesce(nullif(user_id, ''), nullif(session_id, ''))" : "nullif(session_id, '')");
            case "event_minute" -> q.append("nullif(campaign_id, '')");
            default -> {
                switch (subject.kind()) {
                    case USER -> q.append("coalesce(user_id, session_id)");
                    case SESSION -> q.append("session_id");
                    case CAMPAIGN -> q.append("campaign_id");
                    case PROPERTY -> q.append("metadata ->> ?", subject.property());
                }
            }
        }
    }

    /** Overlapping and touching intervals as one, so that each row is read once. */
    private static List<Interval> merged(List<Interval> intervals) {
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(Interval::from));
        List<Interval> out = new ArrayList<>();
        for (Interval i : sorted) {
            Interval last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && !i.from().isAfter(last.to())) {
                out.set(out.size() - 1, new Interval(last.from(), i.to().isAfter(last.to()) ? i.to() : last.to()));
            } else {
                out.add(i);
            }
        }
        return out;
    }
}
