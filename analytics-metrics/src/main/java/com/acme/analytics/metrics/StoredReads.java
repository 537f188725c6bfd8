package com.acme.analytics.metrics;

import com.acme.analytics.domain.metrics.Metric;
import com.acme.analytics.domain.metrics.MetricView;
import com.acme.analytics.domain.metrics.MetricWindow.Interval;
import com.acme.analytics.domain.metrics.Subject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The database queries of an evaluation: which entries each source reads, over which intervals. */
final class StoredReads {
    private final MetricEngine.Scope scope;
    private final boolean rawOnly;
    private final AggregateQuery raw;
    private final AggregateQuery minutes;
    private final AggregateQuery actorDays;
    private final List<Bounces> bounces = new ArrayList<>();

    StoredReads(MetricEngine.Scope scope, boolean rawOnly) {
        this.scope = scope;
        this.rawOnly = rawOnly;
        raw = AggregateQuery.rawEvents(scope);
        minutes = AggregateQuery.minuteRollup(scope);
        actorDays = AggregateQuery.actorDays(scope);
    }

    void plan(MetricView.Entry e, Interval interval) {
        Metric m = e.metric();
        if (m instanceof Metric.SingleEventSessions b) {
            bounces.add(new Bounces(e.name(), b, interval));
        } else if (rawOnly) {
            raw.add(e, List.of(interval));
        } else if (m instanceof Metric.Count || m instanceof Metric.Sum) {
            Instant wholeFrom = MetricEngine.ceil(interval.from(), MetricEngine.MINUTE);
            Instant wholeTo = MetricEngine.floor(interval.to(), MetricEngine.MINUTE);
            if (wholeFrom.isBefore(wholeTo)) {
                minutes.add(e, List.of(new Interval(wholeFrom, wholeTo)));
                List<Interval> ends = new ArrayList<>(2);
                if (interval.from().isBefore(wholeFrom)) {
                    ends.add(new Interval(interval.from(), wholeFrom));
                }
                if (wholeTo.isBefore(interval.to())) {
                    ends.add(new Interval(wholeTo, interval.to()));
                }
                raw.add(e, ends);
            } else {
                raw.add(e, List.of(interval));
            }
        } else if (m instanceof Metric.Distinct d && d.subject().kind() == Subject.Kind.CAMPAIGN
                && MetricEngine.isWhole(interval, MetricEngine.MINUTE)) {
            minutes.add(e, List.of(interval));
        } else if (m instanceof Metric.Distinct d && (d.subject().kind() == Subject.Kind.USER
                || d.subject().kind() == Subject.Kind.SESSION) && MetricEngine.isWholeUtcDays(interval)) {
            actorDays.add(e, List.of(interval));
        } else {
            raw.add(e, List.of(interval));
        }
    }

    void run(DataSource dataSource, PartialRows partial) throws SQLException {
        if (raw.isEmpty() && minutes.isEmpty() && actorDays.isEmpty() && bounces.isEmpty()) {
            return;
        }
        try (Connection con = dataSource.getConnection()) {
            for (AggregateQuery select : List.of(raw, minutes, actorDays)) {
                select.run(con, partial);
            }
            for (Bounces b : bounces) {
                b.run(con, scope, partial);
            }
        }
    }

    /** Sessions with a single event, from the raw events. */
    private record Bounces(String name, Metric.SingleEventSessions metric, Interval interval) {
        void run(Connection con, MetricEngine.Scope scope, PartialRows partial) throws SQLException {
            SqlText q = new SqlText();
            q.append("select k, count(*) from (select ").append(AggregateQuery.rawKey(scope.groupBy()))
                    .append(" as k, session_id from raw_event where workspace_id = ?", scope.workspaceId());
            if (scope.campaignId() != null) {
                q.append(" and campaign_id = ?", scope.campaignId());
            } else if (scope.groupBy() == MetricEngine.GroupBy.CAMPAIGN) {
                q.append(" and campaign_id is not null");
            }
            q.append(" and ");
            q.within("occurred_at", List.of(interval), false);
            q.append(" and session_id is not null");
            q.filter(metric.filter());
            q.append(" group by 1, session_id having count(*) = 1) s group by k");
            Map<String, Long> counts = new HashMap<>();
            try (ResultSet rs = q.run(con)) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            for (String key : new ArrayList<>(partial.rows().keySet())) {
                partial.putExisting(key, name, counts.getOrDefault(key, 0L));
            }
        }
    }
}
