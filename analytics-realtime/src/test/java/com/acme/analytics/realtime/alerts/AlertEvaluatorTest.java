package com.acme.analytics.realtime.alerts;

import com.acme.analytics.domain.outbound.OutboundHosts;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each condition kind fires and resolves at the right instant; for, keepFiringFor, cooldown, mute and noData. */
class AlertEvaluatorTest {

    /** A Wednesday. */
    private static final Instant T0 = Instant.parse("2026-12-02T12:00:00Z");

    private static AlertRule rule(String json) {
        return AlertRuleParser.parse(Json.createReader(new StringReader(json)).readValue(), OutboundHosts.parse(""));
    }

    private static AlertRule threshold(String extra) {
        return rule("{\"name\":\"clicks\",\"metric\":{\"view\":\"campaign\",\"field\":\"clicks\",\"campaignId\":\"c1\"},"
                + "\"window\":\"5m\",\"condition\":{\"kind\":\"above\",\"threshold\":400}" + extra + "}");
    }

    /** Feeds one value a second from T0, answering the second (from 0) of each transition. */
    private static List<String> run(AlertRule rule, Optional<Observation>... perSecond) {
        AlertState s = AlertState.normal(T0);
        List<String> transitions = new java.util.ArrayList<>();
        for (int i = 0; i < perSecond.length; i++) {
            AlertEvaluator.Step step = AlertEvaluator.next(rule, s, perSecond[i], T0.plusSeconds(i));
            s = step.state();
            int at = i;
            step.transition().ifPresent(t -> transitions.add(t + "@" + at));
        }
        return transitions;
    }

    private static Optional<Observation> v(double value) {
        return Optional.of(Observation.of(value));
    }

    @Test
    void aboveFiresAtOnceWithoutForAndResolvesWhenBack() {
        assertEquals(List.of("FIRED@2", "RESOLVED@4"), run(threshold(""), v(100), v(400), v(412), v(500), v(399)));
    }

    @Test
    void belowFiresAndResolves() {
        AlertRule r = rule("{\"name\":\"n\",\"metric\":{\"view\":\"dashboard\",\"field\":\"totalClicks\"},"
                + "\"window\":\"1m\",\"condition\":{\"kind\":\"below\",\"threshold\":10}}");
        assertEquals(List.of("FIRED@1", "RESOLVED@3"), run(r, v(10), v(9), v(0), v(11)));
    }

    @Test
    void forDelaysFiringUntilTheConditionHeldThatLongAndAGapStartsAgain() {
        AlertRule r = threshold(",\"for\":\"3s\"");
        assertEquals(List.of("FIRED@6"), run(r, v(500), v(500), v(100), v(500), v(500), v(500), v(500)));
    }

    @Test
    void keepFiringForHoldsAResolutionBack() {
        AlertRule r = threshold(",\"keepFiringFor\":\"2s\"");
        assertEquals(List.of("FIRED@0", "RESOLVED@5"), run(r, v(500), v(1), v(500), v(1), v(1), v(1)));
    }

    @Test
    void cooldownKeepsASecondFiringBackUntilItPassed() {
        AlertRule r = threshold(",\"cooldown\":\"5s\"");
        assertEquals(List.of("FIRED@0", "RESOLVED@1", "FIRED@5", "RESOLVED@6"),
                run(r, v(500), v(1), v(500), v(500), v(500), v(500), v(1)));
    }

    /** A change rule on the dashboard's clicks over 5 minutes. */
    private static AlertRule change(String kind, int percent, String compareTo) {
        return rule("{\"name\":\"n\",\"metric\":{\"view\":\"dashboard\",\"field\":\"totalClicks\"},"
                + "\"window\":\"5m\",\"condition\":{\"kind\":\"" + kind + "\",\"percent\":" + percent + ","
                + "\"compareTo\":\"" + compareTo + "\"}}");
    }

    /** A value beside the window it is compared to. */
    private static Optional<Observation> against(double value, double compared) {
        return Optional.of(new Observation(value, compared, List.of()));
    }

    @Test
    void increaseAgainstThePreviousWindow() {
        Optional<Observation> up = against(150, 100);
        Optional<Observation> less = against(149, 100);
        assertEquals(List.of("FIRED@1", "RESOLVED@2"), run(change("increase", 50, "previous_window"), less, up, less));
    }

    @Test
    void decreaseAgainstLastWeek() {
        Optional<Observation> down = against(80, 100);
        Optional<Observation> flat = against(95, 100);
        assertEquals(List.of("FIRED@1", "RESOLVED@2"),
                run(change("decrease", 20, "same_window_last_week"), flat, down, flat));
    }

    @Test
    void anomalyFiresOnAValueFarOffTheHistory() {
        AlertRule r = rule("{\"name\":\"n\",\"metric\":{\"view\":\"dashboard\",\"field\":\"totalClicks\"},"
                + "\"window\":\"1m\",\"condition\":{\"kind\":\"anomaly\",\"zScore\":3,\"history\":5}}");
        List<Double> past = List.of(10.0, 12.0, 11.0, 9.0, 10.0);
        Optional<Observation> usual = Optional.of(new Observation(11, null, past));
        Optional<Observation> spike = Optional.of(new Observation(30, null, past));
        assertEquals(List.of("FIRED@1", "RESOLVED@2"), run(r, usual, spike, usual));
    }

    @Test
    void noDataIsIgnoredOrAlerts() {
        assertEquals(List.of(), run(threshold(""), Optional.empty(), Optional.empty()));
        assertEquals(List.of("FIRED@0", "RESOLVED@1"),
                run(threshold(",\"noData\":\"alert\""), Optional.empty(), v(1)));
    }

    @Test
    void aMutedDayNeitherFiresNorResolves() {
        assertEquals(List.of(), run(threshold(",\"mute\":[{\"days\":[\"wed\"]}]"), v(500), v(500)));
        assertEquals(List.of("FIRED@0"), run(threshold(",\"mute\":[{\"days\":[\"sat\",\"sun\"]}]"), v(500)));
    }

    @Test
    void aFiringStateKeptAcrossARestartDoesNotFireAgain() {
        AlertRule r = threshold("");
        AlertState firing = AlertEvaluator.next(r, AlertState.normal(T0), v(500), T0).state();
        AlertEvaluator.Step afterRestart = AlertEvaluator.next(r, firing, v(500), T0.plus(Duration.ofMinutes(1)));
        assertTrue(afterRestart.transition().isEmpty());
        assertTrue(afterRestart.state().firing());
    }
}
