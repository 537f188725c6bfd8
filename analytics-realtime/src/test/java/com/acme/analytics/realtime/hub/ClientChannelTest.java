package com.acme.analytics.realtime.hub;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientChannelTest {

    /** A transport whose sends complete only when the test says so, like a client that reads slowly. */
    static final class ManualTransport implements Transport {
        final List<Outbound> sent = new ArrayList<>();
        final List<Long> ids = new ArrayList<>();
        CompletableFuture<Void> pending;
        String closedWith;

        @Override
        public CompletionStage<Void> send(Outbound message, long lastSequence) {
            sent.add(message);
            ids.add(lastSequence);
            pending = new CompletableFuture<>();
            return pending;
        }

        void completeOne() {
            pending.complete(null);
        }

        @Override
        public void close(String reason) {
            closedWith = reason;
        }

        @Override
        public boolean isOpen() {
            return closedWith == null;
        }
    }

    static final class CountingMetrics implements HubMetrics {
        final AtomicInteger coalesced = new AtomicInteger();
        final AtomicInteger dropped = new AtomicInteger();
        final AtomicInteger lagging = new AtomicInteger();

        @Override
        public void gauges(java.util.function.LongSupplier c, java.util.function.LongSupplier q) {
        }

        @Override
        public void websocketTricks(java.util.function.LongSupplier f, java.util.function.LongSupplier h) {
        }

        @Override
        public void websocketIdleTimer(java.util.function.LongSupplier p) {
        }

        @Override
        public void coalesced() {
            coalesced.incrementAndGet();
        }

        @Override
        public void dropped() {
            dropped.incrementAndGet();
        }

        @Override
        public void laggingDisconnect() {
            lagging.incrementAndGet();
        }

        @Override
        public LatencyWindow sendLatency() {
            return new LatencyWindow(1);
        }
    }

    private final ManualTransport transport = new ManualTransport();
    private final CountingMetrics metrics = new CountingMetrics();
    private final List<ClientChannel> rateLimited = new ArrayList<>();
    private final List<ClientChannel> closed = new ArrayList<>();
    private static final Outbound LAGGING = Outbound.latest("error", "lagging", "lagging");

    private ClientChannel channel(int capacity, int perSecond, long graceMs) {
        return new ClientChannel("c1", "org_1", new Audience() { }, transport,
                HubSettings.of(capacity, perSecond, graceMs, 60_000), metrics, LAGGING, ClientChannel::deliver,
                rateLimited::add, closed::add);
    }

    private static Outbound event(long seq) {
        return Outbound.ordered("event", "e" + seq, seq);
    }

    private static Outbound metricsUpdate(int n) {
        return Outbound.latest("metrics_update", "m" + n, "metrics");
    }

    @Test
    void shouldSendOneAtATimeInOrderAndTheLatestUpdateOnly() {
        ClientChannel c = channel(10, 1000, 1000);
        c.offer(event(1));
        c.offer(event(2));
        c.offer(metricsUpdate(1));
        c.offer(metricsUpdate(2));
        c.offer(metricsUpdate(3));
        assertEquals(List.of("e1"), texts());
        for (int i = 0; i < 3; i++) {
            transport.completeOne();
        }
        assertEquals(List.of("e1", "m3", "e2"), texts());
        assertEquals(2, metrics.coalesced.get());
    }

    @Test
    void shouldHoldCoalescedUpdatesToTheRateLimit() {
        ClientChannel c = channel(10, 1, 1000);
        c.offer(metricsUpdate(1));
        transport.completeOne();
        c.offer(metricsUpdate(2));
        assertEquals(List.of("m1"), texts(), "a second update within the second must wait");
        assertEquals(List.of(c), rateLimited);
        c.offer(event(1));
        assertEquals(List.of("m1", "e1"), texts(), "events are not held by the update rate");
    }

    @Test
    void shouldNeverSendASequenceTwice() {
        ClientChannel c = channel(10, 1000, 1000);
        c.startAfter(5);
        assertFalse(c.offer(event(4)));
        assertFalse(c.offer(event(5)));
        assertTrue(c.offer(event(6)));
        assertFalse(c.offer(event(6)));
        assertEquals(List.of("e6"), texts());
        assertEquals(6L, transport.ids.get(0));
    }

    @Test
    void shouldTellALaggingClientFirstThenDisconnectItAfterTheGrace() throws Exception {
        long grace = 10_000;
        ClientChannel c = channel(2, 1000, grace);
        c.offer(event(1));
        c.offer(event(2));
        long beforeLagging = System.nanoTime();
        c.offer(event(3));
        assertFalse(c.offer(event(4)), "the queue is full");
        long afterLagging = System.nanoTime();
        assertEquals(1, metrics.dropped.get());
        assertTrue(c.lagging());
        assertEquals(0, c.queued(), "the waiting events were let go");
        transport.completeOne();
        assertEquals(List.of("e1", "lagging"), texts());
        // The check is told the time: no need to wait out the grace.
        assertFalse(c.checkLagging(beforeLagging + grace * 1_000_000 - 1), "still within the grace period");
        assertTrue(c.checkLagging(afterLagging + grace * 1_000_000));
        assertEquals("lagging", transport.closedWith);
        assertEquals(List.of(c), closed);
        assertEquals(1, metrics.lagging.get());
        assertFalse(c.offer(event(9)));
    }

    @Test
    void shouldMakeAClientWhoseSendHangsLagging() {
        ClientChannel c = new ClientChannel("c1", "org_1", new Audience() { }, transport,
                HubSettings.of(10, 1000, 0, 0), metrics, LAGGING, ClientChannel::deliver, rateLimited::add,
                closed::add);
        c.offer(event(1));
        assertTrue(c.checkLagging(System.nanoTime() + 1_000_000));
        assertEquals("lagging", transport.closedWith);
    }

    @Test
    void shouldLeaveTheSendingToItsSenderThreadAskingItOnce() {
        List<ClientChannel> asked = new ArrayList<>();
        ClientChannel c = new ClientChannel("c1", "org_1", new Audience() { }, transport,
                HubSettings.of(10, 1000, 1000, 60_000), metrics, LAGGING, asked::add, rateLimited::add, closed::add);
        c.offer(event(1));
        c.offer(event(2));
        c.offer(metricsUpdate(1));
        assertEquals(List.of(), texts(), "nothing is sent on the publisher's thread");
        assertEquals(List.of(c), asked);
        c.deliver();
        assertEquals(List.of("m1"), texts(), "a due update goes first");
        transport.completeOne();
        assertEquals(List.of(c, c), asked, "a send that completes later asks for the next");
    }

    @Test
    void shouldSendWhatWaitsInOrderAsOneBatchUpToTheTransportsLimit() {
        List<List<String>> batches = new ArrayList<>();
        List<Long> lastSequences = new ArrayList<>();
        CompletableFuture<Void>[] pending = new CompletableFuture[1];
        Transport batching = new Transport() {
            @Override
            public CompletionStage<Void> send(Outbound message, long lastSequence) {
                return send(List.of(message), lastSequence);
            }

            @Override
            public int maxBatch() {
                return 3;
            }

            @Override
            public CompletionStage<Void> send(List<Outbound> messages, long lastSequence) {
                batches.add(messages.stream().map(Outbound::text).toList());
                lastSequences.add(lastSequence);
                pending[0] = new CompletableFuture<>();
                return pending[0];
            }

            @Override
            public void close(String reason) {
            }

            @Override
            public boolean isOpen() {
                return true;
            }
        };
        ClientChannel c = new ClientChannel("c1", "org_1", new Audience() { }, batching,
                HubSettings.of(10, 1000, 1000, 60_000), metrics, LAGGING, ClientChannel::deliver, rateLimited::add,
                closed::add);
        for (long seq = 1; seq <= 5; seq++) {
            c.offer(event(seq));
        }
        pending[0].complete(null);
        pending[0].complete(null);
        assertEquals(List.of(List.of("e1"), List.of("e2", "e3", "e4"), List.of("e5")), batches);
        assertEquals(List.of(1L, 4L, 5L), lastSequences);
    }

    @Test
    void shouldReplayMoreThanTheQueueHoldsAfterTheWaitingAnswersAndBeforeLaterEvents() {
        ClientChannel c = channel(3, 1000, 1000);
        c.offer(Outbound.ordered("message", "a1", 0));
        c.offer(Outbound.ordered("message", "a2", 0));
        c.offer(event(3));
        List<Long> missed = new ArrayList<>();
        for (long seq = 3; seq <= 20; seq++) {
            missed.add(seq);
        }
        c.restart(2, 20, missed, seq -> seq == 7 ? null : event(seq));
        assertTrue(c.offer(event(21)), "a live event queues behind the replay, which takes one place");
        assertFalse(c.offer(event(20)), "already in the replay");
        for (int i = 0; i < 30; i++) {
            transport.completeOne();
        }
        List<String> expected = new ArrayList<>(List.of("a1", "a2"));
        for (long seq = 3; seq <= 21; seq++) {
            if (seq != 7) {
                expected.add("e" + seq);
            }
        }
        assertEquals(expected, texts(), "the event queued before the restart was forgotten, then replayed once");
        assertFalse(c.lagging());
        assertEquals(0, metrics.dropped.get());
        assertEquals(0, c.queued());
    }

    @Test
    void shouldReplayAgainWhatWasSentWhenRestartedFromAnOlderSequence() {
        ClientChannel c = channel(10, 1000, 1000);
        c.offer(event(1));
        transport.completeOne();
        c.offer(event(2));
        transport.completeOne();
        c.restart(0, 2, List.of(1L, 2L), ClientChannelTest::event);
        assertEquals(1, c.queued(), "one of the replay sent, one left");
        transport.completeOne();
        transport.completeOne();
        assertFalse(c.offer(event(2)), "live events continue after the replay");
        assertTrue(c.offer(event(3)));
        transport.completeOne();
        assertEquals(List.of("e1", "e2", "e1", "e2", "e3"), texts());
    }

    @Test
    void shouldLetAReplayGoWhenTheClientLags() {
        ClientChannel c = channel(1, 1000, 1000);
        c.offer(event(1));
        c.restart(1, 5, List.of(2L, 3L, 4L, 5L), ClientChannelTest::event);
        c.offer(event(6));
        assertFalse(c.offer(event(7)), "the queue (the replay's one place) is full");
        assertTrue(c.lagging());
        assertEquals(0, c.queued(), "the replay was let go with the queue");
    }

    private List<String> texts() {
        return transport.sent.stream().map(Outbound::text).toList();
    }
}
