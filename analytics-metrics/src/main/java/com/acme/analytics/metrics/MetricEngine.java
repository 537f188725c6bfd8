package com.acme.analytics.metrics;

import com.acme.analytics.domain.metrics.Metric;
import com.acme.analytics.domain.metrics.MetricView;
import com.acme.analytics.domain.metrics.MetricWindow;
import com.acme.analytics.domain.metrics.MetricWindow.Interval;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
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
 *
 * <p>Stateless, and dependent, so that its users hold the instance itself: the alert evaluation calls it twice per
 * rule every second, and a client proxy's context look-up per call was a tenth of the evaluation's samples.
 */
@Dependent
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

    static final Duration MINUTE = Duration.ofMinutes(1);

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
        PartialRows partial = new PartialRows(scope);
        // Made only when an entry is read from the database: an alert tick evaluates a thousand rules from memory.
        StoredReads stored = null;
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
                stored = stored != null ? stored : new StoredReads(scope, sources == Sources.RAW);
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
                stored = stored != null ? stored : new StoredReads(scope, sources == Sources.RAW);
                for (int i = 0; i < inMemory.size(); i++) {
                    stored.plan(inMemory.get(i), memoryIntervals.get(i));
                }
            }
        }
        if (stored != null) {
            stored.run(dataSource, partial);
        }
        List<Row> out = new ArrayList<>();
        partial.rows().forEach((k, base) -> out.add(new Row(k, view.derive(complete(view, base), window, at))));
        out.sort(Comparator.comparing(Row::key, Comparator.nullsFirst(Comparator.naturalOrder())));
        return out;
    }

    /** Whether memory answers every base entry of the view over the window now, so that no query would be made. */
    public boolean inMemory(MetricView view, MetricWindow window, Instant now) {
        Instant at = wholeSecondUpTo(now);
        for (MetricView.Entry e : view.baseEntries()) {
            MetricWindow w = view.windowOf(e, window);
            if (!live.answers(e.metric(), w, w.at(at))) {
                return false;
            }
        }
        return true;
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
}
