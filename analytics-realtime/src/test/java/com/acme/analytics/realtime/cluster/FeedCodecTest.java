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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedCodecTest {

    private static final FeedCodec.MetadataSource NO_METADATA_LEFT_OUT = (w, id) -> {
        throw new AssertionError("no metadata was left out");
    };

    static TrackedEvent event(int i, String metadata) {
        return new TrackedEvent("ev-" + i, "org_1", "click", i % 2 == 0 ? "camp" : null,
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), new Money(1_500_000), "s" + i,
                i % 3 == 0 ? "u" + i : null, metadata);
    }

    static long[] sequencesFrom(long first, int n) {
        long[] sequences = new long[n];
        for (int i = 0; i < n; i++) {
            sequences[i] = first + i;
        }
        return sequences;
    }

    @Test
    void shouldSplitABatchIntoNotificationsUnderTheLimitAndReadItBackWhole() throws Exception {
        List<TrackedEvent> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            events.add(event(i, "{\"k\":\"" + "é".repeat(i % 50) + "\"}"));
        }
        List<FeedCodec.Payload> payloads = FeedCodec.encode(events, sequencesFrom(1000, 300), "here");
        assertTrue(payloads.size() > 1, "300 events do not fit one notification");
        List<SequencedEvent> back = new ArrayList<>();
        long expectedFirst = 1000;
        for (FeedCodec.Payload p : payloads) {
            assertTrue(p.text().getBytes(StandardCharsets.UTF_8).length <= FeedCodec.MAX_PAYLOAD_BYTES, p.text());
            FeedCodec.Notification n = FeedCodec.decode(p.text(), NO_METADATA_LEFT_OUT);
            assertEquals(p.header(), n.header());
            assertEquals(p.header(), FeedCodec.header(p.text()), "the header alone reads the same");
            assertEquals(new FeedCodec.Header("here", expectedFirst, expectedFirst + n.events().size() - 1),
                    n.header());
            expectedFirst = n.header().last() + 1;
            back.addAll(n.events());
        }
        assertEquals(300, back.size());
        for (int i = 0; i < 300; i++) {
            assertEquals(new SequencedEvent(1000 + i, events.get(i)), back.get(i));
        }
    }

    @Test
    void shouldSendAnOversizeEventWithoutItsPropertiesAndFetchThem() throws Exception {
        String big = "{\"blob\":\"" + "x".repeat(20_000) + "\"}";
        List<FeedCodec.Payload> payloads = FeedCodec.encode(List.of(event(1, big)), new long[] {7}, "here");
        assertEquals(1, payloads.size());
        List<SequencedEvent> back = FeedCodec.decode(payloads.get(0).text(), (w, id) -> big).events();
        assertEquals(List.of(new SequencedEvent(7, event(1, big))), back);
    }

    @Test
    void shouldReadTheHeaderOfTheLargestSequences() throws Exception {
        long[] sequences = {Long.MAX_VALUE - 1, Long.MAX_VALUE};
        List<FeedCodec.Payload> payloads = FeedCodec.encode(List.of(event(1, "{}"), event(2, "{}")), sequences,
                "zzzzzzzzzzzzz");
        assertEquals(new FeedCodec.Header("zzzzzzzzzzzzz", Long.MAX_VALUE - 1, Long.MAX_VALUE),
                FeedCodec.header(payloads.get(0).text()));
    }

    @Test
    void rejectsAnOriginThatWouldNeedEscaping() {
        assertThrows(IllegalArgumentException.class,
                () -> FeedCodec.encode(List.of(event(1, "{}")), new long[] {1}, "a\",\"f\":1"));
    }

    @Test
    void rejectsWhatIsNotANotificationOfTheFeed() {
        String good = FeedCodec.encode(List.of(event(1, "{}"), event(2, "{}")), new long[] {5, 6}, "here").get(0)
                .text();
        List<String> malformed = List.of(
                "",
                "x",
                "[]",
                "{\"n\":\"here\"",
                "{\"f\":5,\"n\":\"here\",\"l\":6,\"e\":[]}",
                "{\"n\":7,\"f\":5,\"l\":6,\"e\":[]}",
                "{\"n\":\"here\",\"f\":5.5,\"l\":6,\"e\":[]}",
                "{\"n\":\"here\",\"f\":6,\"l\":5,\"e\":[]}",
                "{\"n\":\"here\",\"f\":5,\"l\":6,\"e\":[]}",
                "{\"n\":\"here\",\"f\":5,\"l\":6}",
                good.replace("\"s\":6", "\"s\":5"),
                good.replace("\"s\":6", "\"s\":9"),
                good.replace("\"l\":6", "\"l\":7"),
                good.replace("\"w\":\"org_1\"", "\"w\":1"),
                good.replace("\"o\":\"2026-01-01T00:00:01Z\"", "\"o\":\"yesterday\""),
                good.replace("\"v\":1500000", "\"v\":1.5"),
                good.substring(0, good.length() - 2));
        for (String payload : malformed) {
            assertThrows(MalformedNotificationException.class, () -> FeedCodec.decode(payload, (w, id) -> "{}"),
                    payload);
        }
    }
}
