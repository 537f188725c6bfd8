package com.acme.analytics.metrics;

import com.acme.analytics.domain.campaigns.CampaignViews;
import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.domain.metrics.EventFilter;
import com.acme.analytics.domain.metrics.Metric;
import com.acme.analytics.domain.metrics.MetricView;
import com.acme.analytics.domain.metrics.MetricWindow;
import com.acme.analytics.domain.metrics.Money;
import com.acme.analytics.domain.metrics.Subject;
import com.acme.analytics.domain.workspaces.WorkspaceViews;
import com.acme.analytics.domain.events.EventsFlushed;
import com.acme.analytics.metrics.MetricEngine.GroupBy;
import com.acme.analytics.metrics.MetricEngine.Scope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveWindowsTest {

    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");
    private static final Metric CLICKS = new Metric.Count(EventFilter.types("click"));

    private final MutableClock clock = new MutableClock();
    private LiveWindows live;

    @BeforeEach
    void start() {
        live = new LiveWindows();
        live.windowSeconds = 60;
        live.futureSkewSeconds = 5;
        live.clock = clock;
        clock.now = START;
        live.start();
    }

    private boolean answersLast(long seconds) {
        MetricWindow w = MetricWindow.lastSeconds(seconds);
        Instant end = MetricEngine.wholeSecondUpTo(clock.now);
        return live.answers(CLICKS, w, w.at(end));
    }

    private static TrackedEvent event(String id, String type, String campaign, Instant at, String session,
                                      String user, String metadata) {
        return new TrackedEvent(id, "ws", type, campaign, at, new Money(250_000), session, user, metadata);
    }

    @Test
    void shouldAnswerOnlyWindowsStartingAfterItStartedByMoreThanTheSkew() {
        clock.now = START.plusSeconds(15);
        assertFalse(answersLast(10), "an event stored before the start may be stamped up to 5 s later");
        clock.now = START.plusSeconds(16);
        assertTrue(answersLast(10));
        assertFalse(answersLast(61), "longer than memory holds");
        assertFalse(live.answers(new Metric.Distinct(Subject.property("channelId"), EventFilter.all()),
                MetricWindow.lastSeconds(10), MetricWindow.lastSeconds(10).at(START.plusSeconds(16))));
        assertFalse(live.answers(CLICKS, WorkspaceViews.TODAY, WorkspaceViews.TODAY.at(START.plusSeconds(16))));
    }

    @Test
    void shouldStopAnsweringWhileTheFeedIsDownAndUntilAWindowPassedAfterIt() {
        clock.now = START.plusSeconds(100);
        assertTrue(answersLast(60));
        live.interrupted();
        assertFalse(answersLast(10));
        live.listening(START.plusSeconds(100));
        assertFalse(answersLast(10));
        clock.now = START.plusSeconds(116);
        assertTrue(answersLast(10));
        assertFalse(answersLast(60));
    }

    @Test
    void shouldGiveTheCampaignViewFromRecordedEventsOnly() {
        clock.now = START.plusSeconds(200);
        Instant t = START.plusSeconds(170);
        List<TrackedEvent> events = new ArrayList<>();
        events.add(event("1", "impression", "c1", t, "s1", null, "{}"));
        events.add(event("2", "click", "c1", t.plusMillis(500), "s1", "u1", "{}"));
        events.add(event("3", "view", "c1", t.plusSeconds(5), "s2", null, "{\"duration\": 3}"));
        events.add(event("4", "view", "c1", t.plusSeconds(6), "s3", null, "{\"duration\": 4.5}"));
        events.add(event("5", "click", "c2", t, "s9", null, "{}"));
        events.add(event("6", "click", "c1", START.plusSeconds(100), "s4", null, "{}"));
        events.add(event("7", "click", "c1", START.plusSeconds(203), "s5", null, "{}"));
        live.onStored(new EventsFlushed(events, clock.now));

        MetricWindow w = MetricWindow.lastSeconds(60);
        Instant end = START.plusSeconds(201);
        MetricView view = CampaignViews.REAL_TIME;
        List<MetricView.Entry> base = view.baseEntries();
        Map<String, Map<String, Number>> rows = live.evaluate(new Scope("ws", "c1", GroupBy.NONE), base,
                base.stream().map(e -> w.at(end)).toList()).orElseThrow();
        Map<String, Number> v = rows.get(null);
        assertEquals(1L, v.get("impressions"));
        assertEquals(1L, v.get("clicks"), "the click 100 s ago is out of the window, the one ahead not yet in it");
        assertEquals(2L, v.get("views"));
        assertEquals(3.75, v.get("averageViewTime"));
        assertEquals(3L, v.get("sessions"));
        assertEquals(2L, v.get("bounces"), "s2 and s3 had one event; s1 two");
        assertEquals(1_000_000L, v.get("spent"));

        Map<String, Map<String, Number>> byCampaign = live.evaluate(new Scope("ws", null, GroupBy.CAMPAIGN),
                base, base.stream().map(e -> w.at(START.plusSeconds(204))).toList()).orElseThrow();
        assertEquals(2L, byCampaign.get("c1").get("clicks"), "the click stamped ahead is in a window ending later");
        assertEquals(1L, byCampaign.get("c2").get("clicks"));
        assertTrue(live.evaluate(new Scope("ws", "c1", GroupBy.NONE), base,
                base.stream().map(e -> w.at(end)).toList()).isEmpty(), "an end before one already answered");
    }

    @Test
    void shouldFoldActorsAsTheyAreStoredWithoutWaitingForAReader() {
        clock.now = START.plusSeconds(200);
        live.onStored(new EventsFlushed(List.of(event("1", "click", "c1", START.plusSeconds(190), "s1", null, "{}"),
                event("2", "click", "c1", START.plusSeconds(202), "s2", null, "{}")), clock.now));
        MetricWindow w = MetricWindow.lastSeconds(60);
        List<MetricView.Entry> base = CampaignViews.REAL_TIME.baseEntries();
        Scope scope = new Scope("ws", "c1", GroupBy.NONE);

        assertTrue(live.evaluate(scope, base, base.stream().map(e -> w.at(START.plusSeconds(198))).toList())
                .isEmpty(), "folded up to the second before the store: an earlier end is the database's");
        Map<String, Number> v = live.evaluate(scope, base,
                base.stream().map(e -> w.at(START.plusSeconds(200))).toList()).orElseThrow().get(null);
        assertEquals(1L, v.get("sessions"), "the session stamped ahead waits for a window ending after it");
        assertEquals(1L, v.get("clicks"));
    }

    @Test
    void shouldAnswerCountsOfAWindowEndingBeforeTheActorsWereFoldedButNotSessions() {
        clock.now = START.plusSeconds(200);
        live.onStored(new EventsFlushed(List.of(event("1", "click", "c1", START.plusSeconds(190), "s1", null, "{}")),
                clock.now));
        Scope scope = new Scope("ws", "c1", GroupBy.NONE);
        MetricWindow.Interval before = MetricWindow.lastSeconds(60).at(START.plusSeconds(198));
        List<MetricView.Entry> clicks = List.of(new MetricView.Entry("clicks", CLICKS, null));

        assertEquals(1L, live.evaluate(scope, clicks, List.of(before)).orElseThrow().get(null).get("clicks"),
                "the per-second tallies hold any second of the ring");
        List<MetricView.Entry> base = CampaignViews.REAL_TIME.baseEntries();
        assertTrue(live.evaluate(scope, base, base.stream().map(e -> before).toList()).isEmpty(),
                "sessions were folded up to the second before the store");
    }

    @Test
    void shouldCountAnEventStoredAfterItsWindowWasAskedWhenAskedAgain() {
        clock.now = START.plusSeconds(200);
        MetricWindow w = MetricWindow.lastSeconds(60);
        List<MetricView.Entry> base = CampaignViews.REAL_TIME.baseEntries();
        Scope scope = new Scope("ws", "c1", GroupBy.NONE);
        List<MetricWindow.Interval> intervals = base.stream().map(e -> w.at(START.plusSeconds(201))).toList();
        live.onStored(new EventsFlushed(List.of(event("1", "click", "c1", START.plusSeconds(190), "s1", null, "{}")),
                clock.now));
        assertEquals(1L, live.evaluate(scope, base, intervals).orElseThrow().get(null).get("clicks"));

        live.onStored(new EventsFlushed(List.of(event("2", "click", "c1", START.plusSeconds(200), "s2", null, "{}"),
                event("3", "click", "c1", START.plusSeconds(201), "s3", null, "{}")), clock.now));
        assertEquals(2L, live.evaluate(scope, base, intervals).orElseThrow().get(null).get("clicks"),
                "the click of the window's last second is counted; the one of the second after it is not");
    }

    @Test
    void shouldReadOnlyNumericTrackedProperties() {
        assertEquals(Map.of("duration", new BigDecimal("12.5")),
                LiveWindows.properties("{\"duration\": 12.5, \"other\": 1}"));
        assertEquals(Map.of(), LiveWindows.properties("{\"duration\": \"12\"}"));
        assertEquals(Map.of(), LiveWindows.properties("{\"other\": 1}"));
    }

    private static final class MutableClock extends Clock {
        Instant now;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
