package com.acme.analytics.realtime.alerts;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A rule replayed over stored minutes fires and resolves where the live loop would have. */
class BacktestTest {

    private static final Instant TO = Instant.parse("2026-12-02T12:00:00Z");

    private static AlertRule rule(String field, String window, String condition) {
        return AlertRuleParser.parseStored(Json.createReader(new StringReader("{\"name\":\"r\",\"metric\":{\"view\":"
                + "\"campaign\",\"field\":\"" + field + "\",\"campaignId\":\"c1\"},\"window\":\"" + window
                + "\",\"condition\":" + condition + "}")).readValue());
    }

    /** One base entry's minutes: {@code clicks} per minute of the period (after the lookback). */
    private static Map<String, long[][]> clicks(Backtest b, long... perMinute) {
        long[] series = new long[b.lookbackMinutes() + perMinute.length];
        System.arraycopy(perMinute, 0, series, b.lookbackMinutes(), perMinute.length);
        return Map.of("", new long[][]{series});
    }

    @Test
    void aThresholdOverATwoMinuteWindowFiresAndResolvesOnTheMinutesItCrosses() {
        AlertRule rule = rule("clicks", "2m", "{\"kind\":\"above\",\"threshold\":5}");
        Backtest b = new Backtest(rule, AlertReadings.viewOf(rule.metric()));
        assertEquals(2, b.lookbackMinutes());
        Backtest.Result r = b.run(clicks(b, 1, 2, 4, 3, 0, 0, 0), TO, 7);
        assertArrayEquals(new double[]{1, 3, 6, 7, 3, 0, 0}, r.series().get(""));
        assertEquals(List.of(new Backtest.Transition("", "fired", TO.minusSeconds(4 * 60), 6.0),
                new Backtest.Transition("", "resolved", TO.minusSeconds(2 * 60), 3.0)), r.transitions());
        assertEquals(TO.minusSeconds(7 * 60), r.from());
    }

    @Test
    void anIncreaseComparesWithThePreviousWindow() {
        AlertRule rule = rule("clicks", "1m", "{\"kind\":\"increase\",\"percent\":100}");
        Backtest b = new Backtest(rule, AlertReadings.viewOf(rule.metric()));
        Backtest.Result r = b.run(clicks(b, 2, 2, 5, 5), TO, 4);
        assertEquals(List.of("fired@3", "resolved@4"), r.transitions().stream()
                .map(t -> t.kind() + "@" + (4 - (TO.getEpochSecond() - t.at().getEpochSecond()) / 60)).toList());
    }

    @Test
    void onlyMetricsThatAddUpAcrossMinutesCanBePreviewed() {
        AlertRule sessions = rule("sessions", "5m", "{\"kind\":\"above\",\"threshold\":1}");
        assertTrue(Backtest.previewable(sessions, AlertReadings.viewOf(sessions.metric())).contains("sessions"));
        AlertRule shortWindow = rule("clicks", "30s", "{\"kind\":\"above\",\"threshold\":1}");
        assertTrue(Backtest.previewable(shortWindow, AlertReadings.viewOf(shortWindow.metric())).contains("window"));
        AlertRule ctr = rule("ctr", "5m", "{\"kind\":\"above\",\"threshold\":1}");
        assertEquals(null, Backtest.previewable(ctr, AlertReadings.viewOf(ctr.metric())));
    }
}
