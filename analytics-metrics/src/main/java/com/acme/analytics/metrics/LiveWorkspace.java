package com.acme.analytics.metrics;

import com.acme.analytics.domain.metrics.Metric;
import com.acme.analytics.domain.metrics.MetricView;
import com.acme.analytics.domain.metrics.Subject;
import com.acme.analytics.metrics.MetricEngine.GroupBy;
import com.acme.analytics.metrics.MetricEngine.Scope;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/** One workspace's live events: per-second tallies and the actors seen. Thread-safe (one lock per workspace). */
final class LiveWorkspace {

    /**
     * A base entry to evaluate over [from, to) (epoch seconds).
     */
    record Request(MetricView.Entry entry, long from, long to) {
    }

    private final ActorsSeen actors = new ActorsSeen();
    private final WindowSums windows;
    private long latestSecond = Long.MIN_VALUE;

    LiveWorkspace(int seconds) {
        windows = new WindowSums(seconds);
    }

    synchronized void record(long second, LiveKey key, long valueMicros, Map<String, BigDecimal> properties,
                             String user, String session) {
        windows.add(second, key, valueMicros, properties);
        latestSecond = Math.max(latestSecond, second);
        if (user != null || session != null) {
            actors.record(second, key, user, session);
        }
    }

    /** Folds in what happened before {@code end}; windows ending earlier are not answered from now on. */
    synchronized void settle(long end) {
        actors.endAt(end);
    }

    /**
     * Folds in what is over at {@code now} and forgets actors older than any window can reach.
     *
     * @return false when nothing of it is left in any window: the workspace may be dropped
     */
    synchronized boolean tidy(long now, long oldest) {
        actors.endAt(now);
        actors.forgetBefore(oldest);
        windows.forgetEndedBefore(oldest);
        return latestSecond >= oldest;
    }

    /**
     * @param requests entries that all end at the same second
     * @return every entry's value per group of the scope, with a group for each that had events in the span of
     *         the requests; empty when actors are asked for (users, sessions, bounces) and a window ending later was
     *         already folded (the caller asks elsewhere)
     */
    synchronized Optional<Map<String, Map<String, Number>>> evaluate(Scope scope, List<Request> requests) {
        long end = requests.get(0).to();
        long spanFrom = end;
        boolean asksActors = false;
        for (Request r : requests) {
            spanFrom = Math.min(spanFrom, r.from());
            asksActors |= countsActors(r.entry().metric());
        }
        // Only the actors are folded up to an end: counts, sums and means of any second the ring holds answer a
        // window that ends before one already folded (an alert tick that began before the last store).
        if (asksActors && !actors.endAt(end)) {
            return Optional.empty();
        }
        Predicate<LiveKey> inScope = k -> (scope.campaignId() == null || scope.campaignId().equals(k.campaignId()))
                && (scope.groupBy() != GroupBy.CAMPAIGN || k.campaignId() != null);
        Function<LiveKey, String> group = switch (scope.groupBy()) {
            case NONE -> k -> null;
            case CAMPAIGN -> LiveKey::campaignId;
            case EVENT_TYPE -> LiveKey::eventType;
        };
        Map<String, Map<String, Number>> rows = new HashMap<>();
        if (scope.groupBy() == GroupBy.NONE) {
            rows.put(null, new HashMap<>());
        }
        for (Map.Entry<LiveKey, Tally> t : windows.over(spanFrom, end).entrySet()) {
            if (inScope.test(t.getKey()) && t.getValue().events > 0) {
                rows.computeIfAbsent(group.apply(t.getKey()), g -> new HashMap<>());
            }
        }
        for (Request r : requests) {
            MetricView.Entry e = r.entry();
            Metric m = e.metric();
            Map<String, ? extends Number> values;
            if (m instanceof Metric.Distinct d && d.subject().kind() == Subject.Kind.USER) {
                values = actors.distinct(ActorsSeen.Kind.USER, inScope.and(k -> d.filter().matches(k.eventType())),
                        group, r.from());
            } else if (m instanceof Metric.Distinct d && d.subject().kind() == Subject.Kind.SESSION) {
                values = actors.distinct(ActorsSeen.Kind.SESSION,
                        inScope.and(k -> d.filter().matches(k.eventType())), group, r.from());
            } else if (m instanceof Metric.SingleEventSessions b) {
                values = actors.seenOnce(inScope.and(k -> b.filter().matches(k.eventType())), group, r.from());
            } else {
                values = fromTallies(m, windows.over(r.from(), end), inScope, group);
            }
            for (Map.Entry<String, Map<String, Number>> row : rows.entrySet()) {
                Number v = values.get(row.getKey());
                row.getValue().put(e.name(), v != null ? v : m instanceof Metric.Mean ? (Number) 0.0 : (Number) 0L);
            }
        }
        return Optional.of(rows);
    }

    private static boolean countsActors(Metric m) {
        return m instanceof Metric.SingleEventSessions || m instanceof Metric.Distinct d
                && (d.subject().kind() == Subject.Kind.USER || d.subject().kind() == Subject.Kind.SESSION);
    }

    /** One figure of the tallies per group: {@code figure} added over the keys that {@code counted}. */
    private static Map<String, Long> added(Map<LiveKey, Tally> tallies, Predicate<LiveKey> counted,
                                           Function<LiveKey, String> group, ToLongFunction<Tally> figure) {
        Map<String, Long> out = new HashMap<>();
        tallies.forEach((k, t) -> {
            if (counted.test(k)) {
                out.merge(group.apply(k), figure.applyAsLong(t), Math::addExact);
            }
        });
        return out;
    }

    private static Map<String, ? extends Number> fromTallies(Metric m, Map<LiveKey, Tally> tallies,
                                                             Predicate<LiveKey> inScope,
                                                             Function<LiveKey, String> group) {
        if (m instanceof Metric.Count c) {
            return added(tallies, k -> inScope.test(k) && c.filter().matches(k.eventType()), group, t -> t.events);
        }
        if (m instanceof Metric.Sum s) {
            return added(tallies, k -> inScope.test(k) && s.filter().matches(k.eventType()), group,
                    t -> t.valueMicros);
        }
        if (m instanceof Metric.Distinct d && d.subject().kind() == Subject.Kind.CAMPAIGN) {
            Map<String, Set<String>> campaigns = new HashMap<>();
            tallies.forEach((k, t) -> {
                if (inScope.test(k) && d.filter().matches(k.eventType()) && k.campaignId() != null && t.events > 0) {
                    campaigns.computeIfAbsent(group.apply(k), g -> new HashSet<>()).add(k.campaignId());
                }
            });
            Map<String, Long> out = new HashMap<>();
            campaigns.forEach((g, set) -> out.put(g, (long) set.size()));
            return out;
        }
        if (m instanceof Metric.Mean mean) {
            Map<String, BigDecimal> sums = new HashMap<>();
            Map<String, Long> counts = new HashMap<>();
            tallies.forEach((k, t) -> {
                Long n = t.propertyCounts.get(mean.property());
                if (inScope.test(k) && mean.filter().matches(k.eventType()) && n != null) {
                    sums.merge(group.apply(k), t.propertySums.get(mean.property()), BigDecimal::add);
                    counts.merge(group.apply(k), n, Long::sum);
                }
            });
            Map<String, Double> out = new HashMap<>();
            sums.forEach((g, sum) -> out.put(g, sum.divide(BigDecimal.valueOf(counts.get(g)), MathContext.DECIMAL128)
                    .doubleValue()));
            return out;
        }
        throw new IllegalArgumentException("not answered from memory: " + m);
    }
}
