package com.acme.analytics.realtime.alerts;

import com.acme.analytics.domain.metrics.MetricView;
import com.acme.analytics.domain.metrics.MetricWindow;
import com.acme.analytics.metrics.MetricEngine;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a rule's comparison windows are and how few evaluations read them. */
class AlertReadingsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:42.300Z");

    /** Answers clicks = the minute its window starts at (so each window tells which it was); records each ask. */
    private static final class MinuteEngine extends MetricEngine {
        final List<MetricView> views = new ArrayList<>();

        @Override
        public List<Row> evaluate(MetricView view, Scope scope, MetricWindow window, Instant now) {
            views.add(view);
            Map<String, Number> values = new HashMap<>();
            for (MetricView.Entry e : view.entries()) {
                MetricWindow.Interval i = view.windowOf(e, window).at(now);
                values.put(e.name(), i.from().getEpochSecond() / 60 % 60);
            }
            return List.of(new Row(null, values));
        }
    }

    private static AlertReadings readings(MinuteEngine engine) {
        AlertReadings r = new AlertReadings();
        r.engine = engine;
        r.baselineRefreshSeconds = 30;
        r.refresher = new BaselineRefresher(Runnable::run);
        return r;
    }

    private static AlertRule rule(String window, String condition) {
        return AlertRuleParser.parseStored(Json.createReader(new StringReader("{\"name\":\"r\",\"metric\":{\"view\":"
                + "\"campaign\",\"field\":\"clicks\",\"campaignId\":\"c1\"},\"window\":\"" + window
                + "\",\"condition\":" + condition + "}")).readValue());
    }

    @Test
    void anAnomalyRuleReadsItsWholeHistoryInOneEvaluationOfWindowsEndingAtWholeMinutes() throws SQLException {
        MinuteEngine engine = new MinuteEngine();
        Observation o = readings(engine).observe("r1", "ws", rule("2m", "{\"kind\":\"anomaly\",\"zScore\":3,"
                + "\"history\":3}"), Set.of(), NOW).get(AlertReadings.UNGROUPED);

        assertEquals(List.of(52.0, 54.0, 56.0), o.history(),
                "three 2-minute windows before the current one, oldest first, from 11:52, 11:54 and 11:56");
        assertEquals(2, engine.views.size(), "the current window, then the whole history at once");
    }

    @Test
    void aChangeRuleComparesWithThePreviousWindowEndingAtAWholeMinuteAndRereadsItOnlyWhenDue() throws SQLException {
        MinuteEngine engine = new MinuteEngine();
        AlertReadings readings = readings(engine);
        AlertRule rule = rule("5m", "{\"kind\":\"increase\",\"percent\":50,\"compareTo\":\"previous_window\"}");

        assertEquals(50.0, readings.observe("r1", "ws", rule, Set.of(), NOW).get(AlertReadings.UNGROUPED)
                .comparison(), "11:50 to 11:55");
        readings.observe("r1", "ws", rule, Set.of(), NOW.plusSeconds(22));
        assertEquals(3, engine.views.size(), "within the refresh period only the current window is read again");
        readings.observe("r1", "ws", rule, Set.of(), NOW.plusSeconds(38));
        assertEquals(5, engine.views.size(), "after it, the comparison too");
    }

    @Test
    void aDueComparisonIsReadOnceOffTheEvaluationWhileTheLastOneStillAnswers() throws SQLException {
        MinuteEngine engine = new MinuteEngine();
        AlertReadings readings = readings(engine);
        List<Runnable> queued = new ArrayList<>();
        readings.refresher = new BaselineRefresher(queued::add);
        AlertRule rule = rule("5m", "{\"kind\":\"increase\",\"percent\":50,\"compareTo\":\"previous_window\"}");
        readings.observe("r1", "ws", rule, Set.of(), NOW);

        Instant later = NOW.plusSeconds(600);
        assertEquals(50.0, readings.observe("r1", "ws", rule, Set.of(), later).get(AlertReadings.UNGROUPED)
                .comparison(), "the last comparison, 11:50 to 11:55, while the refresh waits");
        readings.observe("r1", "ws", rule, Set.of(), later.plusSeconds(1));
        assertEquals(1, queued.size(), "one refresh queued, however many ticks observe meanwhile");

        queued.get(0).run();
        assertEquals(0.0, readings.observe("r1", "ws", rule, Set.of(), later.plusSeconds(2))
                .get(AlertReadings.UNGROUPED).comparison(), "12:00 to 12:05, once read");
    }
}
