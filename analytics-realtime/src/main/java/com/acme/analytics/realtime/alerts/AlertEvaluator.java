package com.acme.analytics.realtime.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The state machine of a rule, without clock or I/O: given the state, what was observed (nothing: no data) and the
 * instant, the next state and whether it just fired or resolved.
 *
 * <ul>
 *   <li>normal/resolved → pending when the condition holds; pending → firing once it has held for {@code for}
 *       (at once when {@code for} is 0) and the {@code cooldown} since the last firing has passed;
 *       pending → normal when it stops holding.</li>
 *   <li>firing → resolved once the condition has not held for {@code keepFiringFor}.</li>
 *   <li>On a muted day (UTC) nothing moves: a rule neither fires nor resolves, so no notification goes out.</li>
 *   <li>No data: ignored (nothing moves), or, with {@code noData: alert}, treated as the condition holding.</li>
 * </ul>
 */
public final class AlertEvaluator {

    /** A firing or a resolution to notify. */
    public enum Transition { FIRED, RESOLVED }

    /** @param transition empty when nothing is to be notified */
    public record Step(AlertState state, Optional<Transition> transition) {
        static Step quiet(AlertState s) {
            return new Step(s, Optional.empty());
        }
    }

    private AlertEvaluator() {
    }

    public static Step next(AlertRule rule, AlertState state, Optional<Observation> observed, Instant now) {
        if (rule.mutedDays().contains(now.atZone(ZoneOffset.UTC).getDayOfWeek())) {
            return Step.quiet(state);
        }
        if (observed.isEmpty() && !rule.alertOnNoData()) {
            return Step.quiet(state);
        }
        Double value = observed.map(Observation::value).orElse(null);
        boolean holds = observed.map(o -> rule.condition().breached(o)).orElse(true);
        return holds ? holding(rule, state, value, now) : clear(rule, state, value, now);
    }

    private static Step holding(AlertRule rule, AlertState s, Double value, Instant now) {
        return switch (s.phase()) {
            case FIRING -> Step.quiet(new AlertState(AlertState.Phase.FIRING, s.since(), null, s.firedAt(), value));
            case PENDING -> fireIfDue(rule, s.since(), s.firedAt(), value, now);
            case NORMAL, RESOLVED -> fireIfDue(rule, now, s.firedAt(), value, now);
        };
    }

    private static Step fireIfDue(AlertRule rule, Instant pendingSince, Instant lastFired, Double value, Instant now) {
        boolean heldLongEnough = !now.isBefore(pendingSince.plus(rule.forDuration()));
        boolean cooled = lastFired == null || !now.isBefore(lastFired.plus(rule.cooldown()));
        if (heldLongEnough && cooled) {
            return new Step(new AlertState(AlertState.Phase.FIRING, now, null, now, value),
                    Optional.of(Transition.FIRED));
        }
        return Step.quiet(new AlertState(AlertState.Phase.PENDING, pendingSince, null, lastFired, value));
    }

    private static Step clear(AlertRule rule, AlertState s, Double value, Instant now) {
        return switch (s.phase()) {
            case FIRING -> {
                Instant clearSince = s.clearSince() == null ? now : s.clearSince();
                Duration keep = rule.keepFiringFor();
                if (!now.isBefore(clearSince.plus(keep))) {
                    yield new Step(new AlertState(AlertState.Phase.RESOLVED, now, null, s.firedAt(), value),
                            Optional.of(Transition.RESOLVED));
                }
                yield Step.quiet(new AlertState(AlertState.Phase.FIRING, s.since(), clearSince, s.firedAt(), value));
            }
            case PENDING -> Step.quiet(new AlertState(AlertState.Phase.NORMAL, now, null, s.firedAt(), value));
            case NORMAL, RESOLVED -> Step.quiet(new AlertState(s.phase(), s.since(), null, s.firedAt(), value));
        };
    }
}
