package com.acme.analytics.realtime.hub;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SenderThreadsTest {

    private final SenderThreads senders = new SenderThreads(2, Thread::new);

    /** Records the thread of each send; completes a send only when told to, or at once. */
    static final class RecordingTransport implements Transport {
        final List<String> threads = new ArrayList<>();
        final CountDownLatch sends;
        final boolean completes;

        RecordingTransport(int expected, boolean completes) {
            this.sends = new CountDownLatch(expected);
            this.completes = completes;
        }

        @Override
        public synchronized CompletionStage<Void> send(Outbound message, long lastSequence) {
            threads.add(Thread.currentThread().getName());
            sends.countDown();
            return completes ? CompletableFuture.completedFuture(null) : new CompletableFuture<>();
        }

        @Override
        public void close(String reason) {
        }

        @Override
        public boolean isOpen() {
            return true;
        }
    }

    @AfterEach
    void stop() {
        senders.stop();
    }

    private ClientChannel channel(Transport transport) {
        return new ClientChannel("c", "org_1", new Audience() { }, transport, HubSettings.of(100, 1000, 1000, 60_000),
                new ClientChannelTest.CountingMetrics(), Outbound.latest("error", "lagging", "lagging"),
                senders.assign(), c -> { }, c -> { });
    }

    @Test
    void shouldSendOnTheSenderThreadsSpreadingClientsOverThem() throws Exception {
        senders.start();
        RecordingTransport first = new RecordingTransport(3, true);
        RecordingTransport second = new RecordingTransport(3, true);
        ClientChannel a = channel(first);
        ClientChannel b = channel(second);
        for (int i = 1; i <= 3; i++) {
            a.offer(Outbound.ordered("event", "e" + i, i));
            b.offer(Outbound.ordered("event", "e" + i, i));
        }
        assertTrue(first.sends.await(5, TimeUnit.SECONDS), "first client not sent to");
        assertTrue(second.sends.await(5, TimeUnit.SECONDS), "second client not sent to");
        assertEquals(1, first.threads.stream().distinct().count(), "one client, one thread");
        assertTrue(first.threads.get(0).startsWith("analytics-hub-sender-"));
        assertNotEquals(first.threads.get(0), second.threads.get(0), "two clients, two threads");
    }

    @Test
    void shouldKeepSendingToOthersOfItsThreadWhileAClientDoesNotRead() throws Exception {
        senders.start();
        RecordingTransport stuck = new RecordingTransport(1, false);
        ClientChannel blocked = channel(stuck);
        channel(new RecordingTransport(0, true));
        RecordingTransport reader = new RecordingTransport(50, true);
        ClientChannel sameThread = channel(reader);
        for (int i = 1; i <= 50; i++) {
            blocked.offer(Outbound.ordered("event", "e" + i, i));
            sameThread.offer(Outbound.ordered("event", "e" + i, i));
        }
        assertTrue(reader.sends.await(5, TimeUnit.SECONDS), "the reading client was held up");
        assertEquals(1, stuck.threads.size(), "one send in flight for the client that does not read");
        assertEquals(49, blocked.queued());
    }
}
