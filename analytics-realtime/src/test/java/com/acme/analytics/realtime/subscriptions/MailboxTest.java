package com.acme.analytics.realtime.subscriptions;

import com.acme.analytics.realtime.hub.Outbound;
import com.acme.analytics.realtime.hub.Transport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailboxTest {

    /** An SSE stream whose client may go away: from then on every send fails, as the sink's write does. */
    static final class Stream implements Transport {
        final List<String> sent = new ArrayList<>();
        int keepAlives;
        boolean gone;
        String closedWith;

        @Override
        public CompletionStage<Void> send(Outbound message, long lastSequence) {
            if (gone) {
                return CompletableFuture.failedFuture(new IllegalStateException("broken pipe"));
            }
            sent.add(message.text());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> keepAlive(String note) {
            keepAlives++;
            return gone ? CompletableFuture.failedFuture(new IllegalStateException("broken pipe"))
                    : CompletableFuture.completedFuture(null);
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

    private static Outbound update(String text) {
        return Outbound.latest(null, text, "campaign:c");
    }

    @Test
    void shouldKeepUpdatesForTheNextReaderWhenTheStreamsClientWentAway() {
        Mailbox mailbox = new Mailbox(10);
        Stream first = new Stream();
        mailbox.attach(first);
        assertTrue(mailbox.send(update("u1"), 0).toCompletableFuture().isDone());
        first.gone = true;

        CompletableFuture<Void> failed = mailbox.send(update("u2"), 0).toCompletableFuture();
        assertFalse(failed.isCompletedExceptionally(), "the hub would close the subscription's channel");
        assertTrue(mailbox.isOpen());
        assertFalse(mailbox.streaming());
        assertEquals("send_failed", first.closedWith);
        mailbox.send(update("u3"), 0);

        Stream second = new Stream();
        mailbox.attach(second);
        mailbox.send(update("u4"), 0);
        assertEquals(List.of("u1"), first.sent);
        assertEquals(List.of("u2", "u3", "u4"), second.sent, "what the first did not take, then live ones");
    }

    @Test
    void shouldSendHeartbeatsToAStreamOnlyAndNeverKeepThem() {
        Mailbox mailbox = new Mailbox(10);
        mailbox.send(Mailbox.HEARTBEAT, 0);
        assertEquals(0, mailbox.size(), "a poll gets no heartbeat");
        Stream stream = new Stream();
        mailbox.attach(stream);
        mailbox.send(Mailbox.HEARTBEAT, 0);
        assertEquals(1, stream.keepAlives);
        assertEquals(List.of(), stream.sent, "a keep-alive, not a message the client's handler sees");
        stream.gone = true;
        assertFalse(mailbox.send(Mailbox.HEARTBEAT, 0).toCompletableFuture().isCompletedExceptionally());
        assertFalse(mailbox.streaming(), "a failed heartbeat is how a silent stream's departure is noticed");
        assertEquals(0, mailbox.size());
    }
}
