package com.acme.analytics.metrics;

import com.acme.analytics.domain.metrics.Metric;
import com.acme.analytics.domain.metrics.MetricView;
import com.acme.analytics.domain.metrics.MetricWindow;
import com.acme.analytics.domain.metrics.MetricWindow.Interval;
import com.acme.analytics.domain.metrics.Subject;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Evaluates a {@link MetricView}: each base metric is read from the cheapest source that holds it exactly, then
 * the view derives the rest. All windows resolve against one "now", rounded up to the next whole second.
 *
 * <ul>
 *   <li>Trailing windows up to the live window's length, once memory saw them whole: the {@link LiveWindows}
 *       (counts, sums, means of the tracked properties, distinct users, sessions and campaigns, bounces).</li>
 *   <li>Counts and sums: the whole minutes of their interval from the per-minute rollup ({@code event_minute}),
 *       the partial minutes at either end from the raw events. A range of whole minutes needs no raw event, so
 *       history outlives the raw retention.</li>
 *   <li>Distinct users and sessions over whole UTC days: the daily sets of actors ({@code actor_day}); over any
 *       other interval: the raw events. Distinct campaigns over whole minutes: the per-minute rollup.</li>
 *   <li>Means, bounces and distinct metadata values: the raw events.</li>
 * </ul>
 * Every source holds exactly the stored events (the rollups are written by the statement that stores them), so
 * a figure is the same whichever source answers it. Each source is read with one query (one more for bounces).
 */
@ApplicationScoped
public class MetricEngine {

    /** How results are split. */
    public enum GroupBy { NONE, CAMPAIGN, EVENT_TYPE }

    /** Which sources may answer: all of them normally; the others let the sources be compared. */
    public enum Sources {
        /** The cheapest exact source of each metric. */
        ALL,
        /** The database only: rollups and raw events. */
        STORED,
        /** The raw events only (nothing older than their retention). */
        RAW,
        /** Memory for every metric it computes over a live window, even before it saw the whole window. */
        LIVE
    }

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

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Resource(lookup = "java:app/jdbc/analytics")
    DataSource dataSource;
    @Inject
    LiveWindows live;

    /**
     * @param window the window of the entries that have none of their own
     * @return one row when not grouped (zeros when there were no events), else one per group that had events,
     *         ordered by key
     */
    public List<Row> evaluate(MetricView view, Scope scope, MetricWindow window, Instant now) throws SQLException {
        return evaluate(view, scope, window, now, Sources.ALL);
    }

    /** As {@link #evaluate(MetricView, Scope, MetricWindow, Instant)}, from the given sources only. */
    public List<Row> evaluate(MetricView view, Scope scope, MetricWindow window, Instant now, Sources sources)
            throws SQLException {
        Instant at = wholeSecondUpTo(now);
        Partial partial = new Partial(scope);
        Stored stored = new Stored(scope, sources == Sources.RAW);
        List<MetricView.Entry> inMemory = new ArrayList<>();
        List<Interval> memoryIntervals = new ArrayList<>();
        for (MetricView.Entry e : view.baseEntries()) {
            MetricWindow w = view.windowOf(e, window);
            Interval interval = w.at(at);
            boolean fromMemory = switch (sources) {
                case ALL -> live.answers(e.metric(), w, interval);
                case LIVE -> live.covers(w) && LiveWindows.supports(e.metric());
                case STORED, RAW -> false;
            };
            if (fromMemory) {
                inMemory.add(e);
                memoryIntervals.add(interval);
            } else {
                stored.plan(e, interval);
            }
        }
        if (!inMemory.isEmpty()) {
            Optional<Map<String, Map<String, Number>>> answered = live.evaluate(scope, inMemory, memoryIntervals);
            if (answered.isPresent()) {
                answered.get().forEach((key, values) -> inMemory.forEach(e -> partial.put(key, e, values.get(e.name()))));
            } else if (sources == Sources.LIVE) {
                throw new IllegalStateException("memory cannot answer a window ending at " + at
                        + ": a later one was already answered");
            } else {
                for (int i = 0; i < inMemory.size(); i++) {
                    stored.plan(inMemory.get(i), memoryIntervals.get(i));
                }
            }
        }
        stored.run(dataSource, partial);
        List<Row> out = new ArrayList<>();
        partial.rows().forEach((k, base) -> out.add(new Row(k, view.derive(complete(view, base), window, at))));
        out.sort(Comparator.comparing(Row::key, Comparator.nullsFirst(Comparator.naturalOrder())));
        return out;
    }

    /** The base values a group had no event for are zero. */
    private static Map<String, Number> complete(MetricView view, Map<String, Number> base) {
        for (MetricView.Entry e : view.baseEntries()) {
            base.putIfAbsent(e.name(), e.metric() instanceof Metric.Mean ? (Number) 0.0 : (Number) 0L);
        }
        return base;
    }

    /** Windows end at a whole second, so that every source (the live one included) cuts them alike. */
    static Instant wholeSecondUpTo(Instant now) {
        Instant down = now.truncatedTo(ChronoUnit.SECONDS);
        return down.equals(now) ? now : down.plusSeconds(1);
    }

    static Instant floor(Instant t, Duration unit) {
        long u = unit.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), u) * u);
    }

    static Instant ceil(Instant t, Duration unit) {
        Instant down = floor(t, unit);
        return down.equals(t) ? t : down.plus(unit);
    }

    static boolean isWhole(Interval i, Duration unit) {
        return floor(i.from(), unit).equals(i.from()) && floor(i.to(), unit).equals(i.to());
    }

    static boolean isWholeUtcDays(Interval i) {
        return isWhole(i, Duration.ofDays(1));
    }

    /** The database queries of an evaluation: which entries each source reads, over which intervals. */
    private static final class Stored {
        private final Scope scope;
        private final boolean rawOnly;
        private final Select raw;
        private final Select minutes;
        private final Select actorDays;
        private final List<Bounces> bounces = new ArrayList<>();

        Stored(Scope scope, boolean rawOnly) {
            this.scope = scope;
            this.rawOnly = rawOnly;
            raw = Select.rawEvents(scope);
            minutes = Select.minuteRollup(scope);
            actorDays = Select.actorDays(scope);
        }

        void plan(MetricView.Entry e, Interval interval) {
            Metric m = e.metric();
            if (m instanceof Metric.SingleEventSessions b) {
                bounces.add(new Bounces(e.name(), b, interval));
            } else if (rawOnly) {
                raw.add(e, List.of(interval));
            } else if (m instanceof Metric.Count || m instanceof Metric.Sum) {
                Instant wholeFrom = ceil(interval.from(), MINUTE);
                Instant wholeTo = floor(interval.to(), MINUTE);
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
                    && isWhole(interval, MINUTE)) {
                minutes.add(e, List.of(interval));
            } else if (m instanceof Metric.Distinct d && (d.subject().kind() == Subject.Kind.USER
                    || d.subject().kind() == Subject.Kind.SESSION) && isWholeUtcDays(interval)) {
                actorDays.add(e, List.of(interval));
            } else {
                raw.add(e, List.of(interval));
            }
        }

        void run(DataSource dataSource, Partial partial) throws SQLException {
            if (raw.isEmpty() && minutes.isEmpty() && actorDays.isEmpty() && bounces.isEmpty()) {
                return;
            }
            try (Connection con = dataSource.getConnection()) {
                for (Select select : List.of(raw, minutes, actorDays)) {
                    select.run(con, partial);
                }
                for (Bounces b : bounces) {
                    b.run(con, scope, partial);
                }
            }
        }
    }

    /** The values read so far, per group; counts and sums read in parts are added up. */
    private static final class Partial {
        private final Map<String, Map<String, Number>> rows = new LinkedHashMap<>();

        Partial(Scope scope) {
            if (scope.groupBy() == GroupBy.NONE) {
                rows.put(null, new HashMap<>());
            }
        }

        void put(String key, MetricView.Entry entry, Number value) {
            Map<String, Number> row = rows.computeIfAbsent(key, k -> new HashMap<>());
            if (entry.metric() instanceof Metric.Count || entry.metric() instanceof Metric.Sum) {
                row.merge(entry.name(), value.longValue(), (a, b) -> a.longValue() + b.longValue());
            } else {
                row.put(entry.name(), value);
            }
        }

        /** Bounces are kept for the groups the other metrics found, as the raw events alone would have. */
        void putExisting(String key, String name, long value) {
            Map<String, Number> row = rows.get(key);
            if (row != null) {
                row.put(name, value);
            }
        }

        Map<String, Map<String, Number>> rows() {
            return rows;
        }
    }

    /** Sessions with a single event, from the raw events. */
    private record Bounces(String name, Metric.SingleEventSessions metric, Interval interval) {
        void run(Connection con, Scope scope, Partial partial) throws SQLException {
            SqlText q = new SqlText();
            q.append("select k, count(*) from (select ").append(Select.rawKey(scope.groupBy()))
                    .append(" as k, session_id from raw_event where workspace_id = ?", scope.workspaceId());
            if (scope.campaignId() != null) {
                q.append(" and campaign_id = ?", scope.campaignId());
            } else if (scope.groupBy() == GroupBy.CAMPAIGN) {
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

    /**
     * One query over one table: a filtered aggregate per entry, grouped as the scope asks, reading only the rows
     * of the entries' intervals.
     */
    private static final class Select {
        private final String table;
        private final String timeColumn;
        private final boolean dates;
        private final String key;
        private final String scopeCondition;
        private final List<Object> scopeParams = new ArrayList<>();
        private final List<MetricView.Entry> entries = new ArrayList<>();
        private final List<List<Interval>> intervals = new ArrayList<>();

        private Select(String table, String timeColumn, boolean dates, String key, Scope scope,
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
            } else if (scope.groupBy() == GroupBy.CAMPAIGN) {
                where.append(" and ").append(noCampaign);
            }
            this.scopeCondition = where.toString();
        }

        static Select rawEvents(Scope scope) {
            return new Select("raw_event", "occurred_at", false, rawKey(scope.groupBy()), scope, "campaign_id",
                    "campaign_id is not null");
        }

        static Select minuteRollup(Scope scope) {
            return new Select("event_minute", "minute", false, rollupKey(scope.groupBy()), scope, "campaign_id",
                    "campaign_id <> ''");
        }

        static Select actorDays(Scope scope) {
            return new Select("actor_day", "day", true, rollupKey(scope.groupBy()), scope, "campaign_id",
                    "campaign_id <> ''");
        }

        static String rawKey(GroupBy groupBy) {
            return switch (groupBy) {
                case NONE -> "null::text";
                case CAMPAIGN -> "campaign_id";
                case EVENT_TYPE -> "event_type";
            };
        }

        private static String rollupKey(GroupBy groupBy) {
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

        void run(Connection con, Partial partial) throws SQLException {
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
}
