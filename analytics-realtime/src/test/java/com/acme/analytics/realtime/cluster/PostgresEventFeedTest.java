package com.acme.analytics.realtime.cluster;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.domain.metrics.Money;
import com.acme.analytics.realtime.live.SequencedEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostgresEventFeedTest {

    private static TrackedEvent event(int i, String metadata) {
        return new TrackedEvent("ev-" + i, "org_1", "click", i % 2 == 0 ? "camp" : null,
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), new Money(1_500_000), "s" + i, null, metadata);
    }

    private static List<String> texts(List<PostgresEventFeed.Payload> payloads) {
        return payloads.stream().map(PostgresEventFeed.Payload::text).toList();
    }

    @Test
    void shouldSplitABatchIntoNotificationsUnderTheLimitAndReadItBackWhole() throws Exception {
        List<TrackedEvent> events = new ArrayList<>();
        long[] sequences = new long[300];
        for (int i = 0; i < 300; i++) {
            events.add(event(i, "{\"k\":\"" + "é".repeat(i % 50) + "\"}"));
            sequences[i] = 1000 + i;
        }
        List<String> payloads = texts(PostgresEventFeed.payloads(events, sequences, "here"));
        assertTrue(payloads.size() > 1, "300 events do not fit one notification");
        List<SequencedEvent> back = new ArrayList<>();
        for (String p : payloads) {
            assertTrue(p.getBytes(StandardCharsets.UTF_8).length <= PostgresEventFeed.MAX_PAYLOAD_BYTES, p);
            PostgresEventFeed.Notification n = PostgresEventFeed.decode(p, (w, id) -> {
                throw new AssertionError("no metadata was left out");
            });
            assertEquals("here", n.origin());
            back.addAll(n.events());
        }
        assertEquals(300, back.size());
        for (int i = 0; i < 300; i++) {
            assertEquals(1000 + i, back.get(i).sequence());
            assertEquals(events.get(i), back.get(i).event());
        }
    }

    @Test
    void shouldSendAnOversizeEventWithoutItsPropertiesAndFetchThem() throws Exception {
        String big = "{\"blob\":\"" + "x".repeat(20_000) + "\"}";
        List<String> payloads = texts(PostgresEventFeed.payloads(List.of(event(1, big)), new long[] {7}, "here"));
        assertEquals(1, payloads.size());
        List<SequencedEvent> back = PostgresEventFeed.decode(payloads.get(0), (w, id) -> big).events();
        assertEquals(event(1, big), back.get(0).event());
    }

    @Test
    void shouldTakeItsOwnEventsBackFromMemoryAndDecodeOnlyOthersOrWhatItNoLongerHolds() throws Exception {
        PostgresEventFeed feed = new PostgresEventFeed("jdbc:postgresql://127.0.0.1:1/none", "u", "p", 60, Thread::new,
                null, null);
        List<TrackedEvent> events = new ArrayList<>();
        long[] sequences = new long[300];
        for (int i = 0; i < 300; i++) {
            events.add(event(i, "{\"k\":\"" + "x".repeat(40) + "\"}"));
            sequences[i] = 5000 + i;
        }
        feed.expectOwn(events, sequences);
        List<String> own = texts(PostgresEventFeed.payloads(events, sequences, feed.origin));
        assertTrue(own.size() > 1);
        List<SequencedEvent> back = new ArrayList<>();
        for (String p : own) {
            List<SequencedEvent> taken = feed.ownEvents(p);
            assertEquals(PostgresEventFeed.decode(p, (w, id) -> "{}").events(), taken, "memory and payload agree");
            back.addAll(taken);
        }
        assertEquals(300, back.size());
        assertNull(feed.ownEvents(own.get(0)), "taken once: a second hearing decodes the payload");
        assertNull(feed.ownEvents(texts(PostgresEventFeed.payloads(events, sequences, "elsewhere")).get(0)),
                "another instance's notification is decoded");
    }
}
