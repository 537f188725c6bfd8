package com.acme.analytics.realtime.alerts;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loop's persistence logic: what a tick stores and notifies, given the states it read back. Feeding the stored
 * states into the next tick is what a restart (or another instance taking the lease) does.
 */
class RuleStepTest {

    private static final Instant T0 = Instant.parse("2026-12-02T12:00:00Z");

    private static AlertRule rule(String extra) {
        return AlertRuleParser.parseStored(Json.createReader(new StringReader("{\"name\":\"Clicks\",\"metric\":"
                + "{\"view\":\"campaign\",\"field\":\"clicks\"" + (extra.contains("groupBy") ? "" : ",\"campaignId\":\"c1\"")
                + "},\"window\":\"5m\",\"condition\":{\"kind\":\"above\",\"threshold\":400}" + extra + "}"))
                .readValue());
    }

    /** The store: what each tick wrote, read back by the next one. */
    private final Map<String, AlertState> stored = new HashMap<>();

    private RuleStep.Outcome tick(AlertRule rule, Map<String, Observation> observed, int second) {
        RuleStep.Outcome o = RuleStep.next(rule, Map.copyOf(stored), observed, T0.plusSeconds(second));
        stored.putAll(o.stored());
        return o;
    }

    @Test
    void aQuietRuleWritesNothing() {
        AlertRule rule = rule("");
        for (int i = 0; i < 5; i++) {
            assertTrue(tick(rule, Map.of("", Observation.of(10)), i).isEmpty());
        }
        assertTrue(stored.isEmpty());
    }

    @Test
    void aFiringIsStoredOnceAndNotRepeatedWhileItHolds() {
        AlertRule rule = rule("");
        RuleStep.Outcome fired = tick(rule, Map.of("", Observation.of(412)), 0);
        assertEquals(List.of(AlertEvaluator.Transition.FIRED), transitions(fired));
        assertEquals(AlertState.Phase.FIRING, stored.get("").phase());
        for (int i = 1; i < 5; i++) {
            RuleStep.Outcome again = tick(rule, Map.of("", Observation.of(420 + i)), i);
            assertTrue(again.changes().isEmpty(), "no second firing");
            assertTrue(again.stored().isEmpty(), "a new value alone is no write");
        }
    }

    @Test
    void aRestartInTheMiddleOfAFiringNeitherForgetsItNorFiresAgainAndResolvesOnce() {
        AlertRule rule = rule("");
        tick(rule, Map.of("", Observation.of(412)), 0);
        // A new instance (or the same after a restart) has nothing in memory but the stored states.
        Map<String, AlertState> afterRestart = Map.copyOf(stored);
        RuleStep.Outcome holding = RuleStep.next(rule, afterRestart, Map.of("", Observation.of(430)), T0.plusSeconds(30));
        assertTrue(holding.changes().isEmpty());
        RuleStep.Outcome cleared = RuleStep.next(rule, afterRestart, Map.of("", Observation.of(12)), T0.plusSeconds(31));
        assertEquals(List.of(AlertEvaluator.Transition.RESOLVED), transitions(cleared));
        assertEquals(T0, cleared.changes().get(0).before().firedAt(), "the resolution ends the firing at T0");
    }

    @Test
    void pendingIsStoredSoThatForHoldsAcrossARestart() {
        AlertRule rule = rule(",\"for\":\"1m\"");
        assertTrue(tick(rule, Map.of("", Observation.of(412)), 0).changes().isEmpty());
        assertEquals(AlertState.Phase.PENDING, stored.get("").phase());
        assertTrue(tick(rule, Map.of("", Observation.of(412)), 59).changes().isEmpty());
        assertEquals(List.of(AlertEvaluator.Transition.FIRED), transitions(tick(rule, Map.of("", Observation.of(412)), 60)));
    }

    @Test
    void groupsMoveOnTheirOwnAndAGroupWithoutDataStaysAsItWas() {
        AlertRule rule = rule(",\"groupBy\":\"campaignId\"");
        RuleStep.Outcome first = tick(rule, Map.of("a", Observation.of(500), "b", Observation.of(5)), 0);
        assertEquals(List.of("a"), first.changes().stream().map(RuleStep.Change::group).toList());
        assertEquals(Map.of("a", AlertState.Phase.FIRING), Map.of("a", stored.get("a").phase()));
        RuleStep.Outcome second = tick(rule, Map.of("b", Observation.of(600)), 1);
        assertEquals(List.of("b"), second.changes().stream().map(RuleStep.Change::group).toList());
        assertEquals(AlertState.Phase.FIRING, stored.get("a").phase(), "no data for a: ignored, still firing");
    }

    private static List<AlertEvaluator.Transition> transitions(RuleStep.Outcome o) {
        return o.changes().stream().map(RuleStep.Change::transition).toList();
    }
}
