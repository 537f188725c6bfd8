package com.acme.analytics.ingest.simulator;

import com.acme.analytics.domain.events.InvalidInputException;
import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.ingest.events.EventParser;
import com.acme.analytics.ingest.retention.EventTimeLimits;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventGeneratorTest {

    private static final Instant NOW = Instant.parse("2025-07-15T12:30:00Z");
    private static final List<String> CAMPAIGNS = List.of("camp_123", "camp_124");
    private final EventParser parser = new EventParser(new EventTimeLimits(90, 300), 5);
    private final MovingClock clock = new MovingClock(NOW);

    private EventGenerator generator(long seed, EventMix mix, double errorRate) {
        return new EventGenerator(new SplittableRandom(seed), clock, "sim_test", "org_456", CAMPAIGNS, mix,
                errorRate);
    }

    /** The events as ingest reads them; fails on any the ingest path would refuse. */
    private List<TrackedEvent> parsed(List<JsonObject> events) {
        return events.stream().map(e -> parser.parse(e, "event", clock.instant())).toList();
    }

    @Test
    void shouldMakeEventsThatIngestAcceptsEachMarkedSimulated() {
        List<JsonObject> events = generator(1, EventMix.DEFAULT, 0).next(2000);
        List<TrackedEvent> stored = parsed(events);
        assertEquals(2000, stored.stream().map(TrackedEvent::eventId).distinct().count(), "ids are unique");
        for (JsonObject e : events) {
            JsonObject m = e.getJsonObject("metadata");
            assertTrue(m.getBoolean("simulated"), e.toString());
            assertEquals("sim_test", m.getString("simulationId"));
            assertEquals("org_456", e.getString("organizationId"));
            assertTrue(CAMPAIGNS.contains(e.getString("campaignId")));
            assertEquals(NOW, Instant.parse(e.getString("timestamp")));
        }
        assertTrue(stored.stream().allMatch(e -> e.sessionId() != null && e.userId() != null));
    }

    @Test
    void shouldDrawEventTypesInTheRequestedShares() {
        Map<String, Long> types = count(generator(2, new EventMix(0.5, 0.3, 0.1), 0).next(20_000),
                e -> e.getString("eventType"));
        assertShare(0.5, types.get("impression"), 20_000);
        assertShare(0.3, types.get("click"), 20_000);
        assertShare(0.1, types.get("conversion"), 20_000);
        long rest = types.get("view") + types.get("engagement") + types.get("completion") + types.get("skip");
        assertShare(0.1, rest, 20_000);
        assertTrue(types.get("view") > types.get("skip"), "views outnumber skips: " + types);
    }

    @Test
    void shouldKeepToTheDocumentsThreeTypesWhenTheirRatesAddUpToOne() {
        Map<String, Long> types = count(generator(3, EventMix.DEFAULT, 0).next(5000), e -> e.getString("eventType"));
        assertEquals(Set.of("impression", "click", "conversion"), types.keySet());
        assertShare(0.7, types.get("impression"), 5000);
    }

    @Test
    void shouldGiveRealisticDevicesAgentsPlacesCostsAndValues() {
        List<JsonObject> events = generator(4, new EventMix(0.4, 0.3, 0.1), 0).next(5000);
        Map<String, Long> devices = count(events, e -> e.getJsonObject("metadata").getString("deviceType"));
        assertEquals(Set.of("mobile", "desktop", "tablet"), devices.keySet());
        assertTrue(devices.get("mobile") > devices.get("desktop") && devices.get("desktop") > devices.get("tablet"),
                devices.toString());
        for (JsonObject e : events) {
            JsonObject m = e.getJsonObject("metadata");
            String agent = m.getString("userAgent");
            assertTrue(agent.startsWith("Mozilla/5.0 ("), agent);
            if (m.getString("deviceType").equals("desktop")) {
                assertFalse(agent.contains("Mobile") || agent.contains("iPad"), agent);
            }
            assertTrue(Visitors.LOCATIONS.contains(m.getString("location")));
            switch (e.getString("eventType")) {
                case "click" -> assertBetween("0.20", "3.00", e.getJsonNumber("value").bigDecimalValue());
                case "conversion" -> {
                    assertFalse(e.containsKey("value"), "a conversion's value is no spend");
                    assertBetween("10.00", "250.00", m.getJsonNumber("conversionValue").bigDecimalValue());
                    assertEquals("USD", m.getString("currency"));
                }
                case "view", "completion", "skip" -> assertTrue(m.getInt("duration") > 0);
                default -> assertFalse(e.containsKey("value"));
            }
        }
    }

    @Test
    void shouldBringPeopleBackAndGroupTheirEventsInSessions() {
        EventGenerator g = generator(5, EventMix.DEFAULT, 0);
        List<TrackedEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            events.addAll(parsed(List.of(g.next())));
            clock.advance(Duration.ofSeconds(2));
        }
        Map<String, Set<String>> sessionsByUser = new HashMap<>();
        Map<String, Set<String>> usersBySession = new HashMap<>();
        for (TrackedEvent e : events) {
            sessionsByUser.computeIfAbsent(e.userId(), k -> new HashSet<>()).add(e.sessionId());
            usersBySession.computeIfAbsent(e.sessionId(), k -> new HashSet<>()).add(e.userId());
        }
        assertTrue(sessionsByUser.size() < events.size() / 2, "people come back: " + sessionsByUser.size());
        assertTrue(usersBySession.values().stream().allMatch(u -> u.size() == 1), "a session is one person's");
        assertTrue(sessionsByUser.values().stream().anyMatch(s -> s.size() > 1), "people come back in new sessions");
        assertTrue(usersBySession.size() < events.size(), "sessions hold several events");
        assertEquals(g.people(), sessionsByUser.size());
    }

    @Test
    void shouldMakeExactlyTheShareOfInvalidEventsAskedForEachRefusedByIngest() {
        List<JsonObject> events = generator(6, EventMix.DEFAULT, 0.25).next(100);
        Set<String> faults = new HashSet<>();
        long refused = events.stream().filter(e -> {
            try {
                parser.parse(e, "event", clock.instant());
                return false;
            } catch (InvalidInputException refusal) {
                faults.add(refusal.violations().get(0).field());
                return true;
            }
        }).count();
        assertEquals(25, refused);
        assertEquals(Set.of("event.eventType", "event.campaignId", "event.value", "event.timestamp"), faults,
                "each kind of mistake in turn");
        assertTrue(events.stream().allMatch(e -> e.getJsonObject("metadata").getBoolean("simulated")));
    }

    @Test
    void shouldWalkOnePersonThroughTheFunnelInOneSessionWithHumanGaps() {
        clock.advance(Duration.ofHours(1));
        for (long seed = 0; seed < 50; seed++) {
            List<JsonObject> journey = generator(seed, EventMix.DEFAULT, 0).journey();
            List<TrackedEvent> events = parsed(journey);
            assertEquals(List.of("impression", "view", "engagement", "click", "conversion"),
                    events.stream().map(TrackedEvent::eventType).toList());
            assertEquals(1, events.stream().map(TrackedEvent::sessionId).distinct().count());
            assertEquals(1, events.stream().map(TrackedEvent::userId).distinct().count());
            assertEquals(1, events.stream().map(TrackedEvent::campaignId).distinct().count());
            assertEquals(clock.instant(), events.get(4).occurredAt(), "the journey ends now");
            assertGap(1, 4, events.get(0), events.get(1));
            assertGap(8, 30, events.get(1), events.get(2));
            assertGap(2, 10, events.get(2), events.get(3));
            assertGap(20, 120, events.get(3), events.get(4));
            assertEquals(Duration.between(events.get(1).occurredAt(), events.get(2).occurredAt()).toSeconds(),
                    journey.get(1).getJsonObject("metadata").getInt("duration"), "the view lasts until engagement");
        }
    }

    @Test
    void shouldRepeatItselfExactlyFromTheSameSeed() {
        assertEquals(generator(7, EventMix.DEFAULT, 0.1).next(200), generator(7, EventMix.DEFAULT, 0.1).next(200));
    }

    @Test
    void rejectsRatesOutsideZeroToOneOrAddingUpToMoreThanOne() {
        assertEquals("options.clickRate", assertThrows(InvalidInputException.class,
                () -> new EventMix(0.5, 1.5, 0)).violations().get(0).field());
        assertEquals("options", assertThrows(InvalidInputException.class,
                () -> new EventMix(0.7, 0.3, 0.1)).violations().get(0).field());
    }

    private static void assertGap(long low, long high, TrackedEvent earlier, TrackedEvent later) {
        long gap = Duration.between(earlier.occurredAt(), later.occurredAt()).toSeconds();
        assertTrue(gap >= low && gap <= high, earlier.eventType() + " to " + later.eventType() + ": " + gap + " s");
    }

    private static void assertShare(double expected, long actual, int total) {
        double share = (double) actual / total;
        assertTrue(Math.abs(share - expected) < 0.02, "share " + share + " instead of " + expected);
    }

    private static void assertBetween(String low, String high, BigDecimal actual) {
        assertTrue(actual.compareTo(new BigDecimal(low)) >= 0 && actual.compareTo(new BigDecimal(high)) <= 0,
                actual + " outside " + low + ".." + high);
    }

    private static Map<String, Long> count(List<JsonObject> events, Function<JsonObject, String> key) {
        return events.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
