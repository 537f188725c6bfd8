package com.acme.analytics.realtime.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One tick of one rule over all its groups, without clock or I/O: which states to store and which transitions to
 * record. A state is stored only when it moved (phase, since, clearSince or firedAt), not for every new value, so a
 * quiet rule costs no write; a group never seen outside normal is not stored at all.
 */
public final class RuleStep {

    /** A firing or resolution of one group, with what was observed (null: no data). */
    public record Change(String group, AlertEvaluator.Transition transition, AlertState before, AlertState after,
                         Observation observed) {
    }

    /** @param stored the states to write, by group; {@code changes} the transitions among them */
    public record Outcome(Map<String, AlertState> stored, List<Change> changes) {
        public boolean isEmpty() {
            return stored.isEmpty();
        }
    }

    private RuleStep() {
    }

    public static Outcome next(AlertRule rule, Map<String, AlertState> states, Map<String, Observation> observed,
                               Instant now) {
        Set<String> groups = new LinkedHashSet<>(states.keySet());
        groups.addAll(observed.keySet());
        if (rule.groupBy() == null) {
            groups.add(AlertReadings.UNGROUPED);
        }
        Map<String, AlertState> stored = new LinkedHashMap<>();
        List<Change> changes = new ArrayList<>();
        for (String group : groups) {
            AlertState before = states.get(group);
            AlertState from = before != null ? before : AlertState.normal(now);
            Observation o = observed.get(group);
            AlertEvaluator.Step step = AlertEvaluator.next(rule, from, Optional.ofNullable(o), now);
            AlertState after = step.state();
            boolean neverMoved = before == null && after.phase() == AlertState.Phase.NORMAL;
            if (!neverMoved && (before == null || moved(before, after))) {
                stored.put(group, after);
            }
            step.transition().ifPresent(t -> changes.add(new Change(group, t, from, after, o)));
        }
        return new Outcome(stored, changes);
    }

    static boolean moved(AlertState a, AlertState b) {
        return a.phase() != b.phase() || !Objects.equals(a.since(), b.since())
                || !Objects.equals(a.clearSince(), b.clearSince()) || !Objects.equals(a.firedAt(), b.firedAt());
    }
}
