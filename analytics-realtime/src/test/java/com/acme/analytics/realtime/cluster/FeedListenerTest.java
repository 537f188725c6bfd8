package com.acme.analytics.realtime.cluster;

import com.acme.analytics.domain.database.DatabaseSettings;
import com.acme.analytics.domain.database.DirectConnections;
import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.metrics.RemoteEvents;
import com.acme.analytics.realtime.live.SequencedEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.acme.analytics.realtime.cluster.FeedCodecTest.event;
import static com.acme.analytics.realtime.cluster.FeedCodecTest.sequencesFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedListenerTest {

    private static final FeedCodec.MetadataSource NOT_READ = (w, id) -> {
        throw new AssertionError("metadata read for " + id);
    };

    private final OwnEvents own = new OwnEvents();
    private final List<List<SequencedEvent>> delivered = new ArrayList<>();
    private final List<TrackedEvent> storedElsewhere = new ArrayList<>();
    private final FeedListener listener = new FeedListener(
            new DirectConnections(new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/none", "u", "p")), "here", own,
            delivered::add, new RemoteEvents() {
                @Override
                public void stored(List<TrackedEvent> events) {
                    storedElsewhere.addAll(events);
                }

                @Override
                public void interrupted() {
                }

                @Override
                public void listening(Instant since) {
                }
            }, Thread::new, (channel, payload) -> { });

    private static List<TrackedEvent> events(int n) {
        List<TrackedEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(event(i, "{\"k\":\"" + "x".repeat(40) + "\"}"));
        }
        return events;
    }

    private List<SequencedEvent> all() {
        return delivered.stream().flatMap(List::stream).toList();
    }

    @Test
    void shouldTakeItsOwnEventsFromMemoryOnceWithoutTellingTheMetrics() throws Exception {
        List<TrackedEvent> events = events(300);
        long[] sequences = sequencesFrom(5000, 300);
        own.expect(events, sequences);
        List<FeedCodec.Payload> payloads = FeedCodec.encode(events, sequences, "here");
        assertTrue(payloads.size() > 1);
        for (FeedCodec.Payload p : payloads) {
            listener.hear(p.text(), NOT_READ);
            assertNull(own.take(p.header()), "taken once");
        }
        List<SequencedEvent> back = all();
        assertEquals(300, back.size());
        for (int i = 0; i < 300; i++) {
            assertEquals(new SequencedEvent(5000 + i, events.get(i)), back.get(i));
        }
        assertTrue(storedElsewhere.isEmpty(), "this instance's metrics recorded its own events already");
    }

    @Test
    void shouldDecodeAnotherInstancesEventsAndTellTheMetricsFirst() throws Exception {
        List<TrackedEvent> events = events(3);
        own.expect(events, sequencesFrom(10, 3));
        listener.hear(FeedCodec.encode(events, sequencesFrom(10, 3), "elsewhere").get(0).text(), NOT_READ);
        assertEquals(events, storedElsewhere);
        assertEquals(3, all().size());
    }

    @Test
    void shouldSkipWhatItDeliveredAlready() throws Exception {
        String text = FeedCodec.encode(events(2), sequencesFrom(1, 2), "elsewhere").get(0).text();
        listener.hear(text, NOT_READ);
        listener.hear(text, NOT_READ);
        assertEquals(1, delivered.size());
    }

    @Test
    void shouldSkipAMalformedNotificationAndGoOnListening() throws Exception {
        listener.hear("not the feed's", NOT_READ);
        listener.hear("{\"n\":\"here\",\"f\":1,\"l\":1,\"e\":[{\"s\":1}]}", NOT_READ);
        String good = FeedCodec.encode(events(1), new long[] {2}, "elsewhere").get(0).text();
        listener.hear(good, NOT_READ);
        assertEquals(List.of(new SequencedEvent(2, events(1).get(0))), all());
    }
}
