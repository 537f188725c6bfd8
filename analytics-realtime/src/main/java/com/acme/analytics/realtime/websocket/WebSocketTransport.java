package com.acme.analytics.realtime.websocket;

import com.acme.analytics.realtime.hub.Outbound;
import com.acme.analytics.realtime.hub.Transport;
import jakarta.websocket.CloseReason;
import jakarta.websocket.PongMessage;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A hub client over a JSR-356 session, sending with the asynchronous remote, never blocking the caller.
 *
 * <p>The container completes an asynchronous send once it has taken the frame, not once the client has read it:
 * it buffers what the socket does not take, without limit. So the transport counts what the client has provably
 * read: after every {@value #PING_EVERY_BYTES} characters it sends a WebSocket ping carrying the count so far;
 * the client's pong (sent by every WebSocket client when it reads that far) acknowledges them. With more than
 * {@value #MAX_UNREAD_BYTES} characters unacknowledged the next send waits for a pong; its client's queue then fills
 * and the hub treats it as lagging. Memory per client stays bounded whatever the client does.
 */
public final class WebSocketTransport implements Transport {

    private static final Logger LOG = Logger.getLogger(WebSocketTransport.class.getName());
    static final long PING_EVERY_BYTES = 64 * 1024;
    static final long MAX_UNREAD_BYTES = 1024 * 1024;
    /** Messages written at once when a client has several waiting: one system call instead of one each. */
    static final int MAX_BATCH = 32;
    /**
     * The context class loader of a send, ping or close. Tyrus re-arms the session's idle timer on every send through the
     * container's managed scheduler, and Payara 6 then looks up thread-context providers with a ServiceLoader over
     * the context class loader: over the application's loader, a scan of every jar, which costs far more than the
     * send (measured: most of the CPU of a fan-out). Nothing in a send needs the application's classes, and over the
     * platform loader that lookup is trivial.
     */
    private static final ClassLoader SEND_CONTEXT = ClassLoader.getPlatformClassLoader();

    private final Session session;
    private final Optional<TyrusFrameSender> direct;
    private final Executor pinger;
    // Guarded by this.
    private long sentBytes;
    private long readBytes;
    private long pingedAt;
    private boolean pingOutstanding;
    private List<Outbound> parked;
    private CompletableFuture<Void> parkedResult;
    /** Written by the container's completion threads, read by the connection health. */
    private final ConnectionCounters counters = new ConnectionCounters();

    /**
     * @param pinger runs the pings: a ping is a blocking send in JSR-356, and must not hold up the caller
     * @param direct writes the encoded frames straight to the container's socket, where the container allows it
     */
    public WebSocketTransport(Session session, Executor pinger, Optional<TyrusFrameSender> direct) {
        this.session = session;
        this.direct = direct;
        this.pinger = pinger;
    }

    @Override
    public CompletionStage<Void> send(Outbound message, long lastSequence) {
        return send(List.of(message), lastSequence);
    }

    /** Several frames in one write with Tyrus; one at a time through the standard remote endpoint. */
    @Override
    public int maxBatch() {
        return direct.isPresent() ? MAX_BATCH : 1;
    }

    @Override
    public CompletionStage<Void> send(List<Outbound> messages, long lastSequence) {
        if (messages.size() > maxBatch()) {
            throw new IllegalArgumentException(messages.size() + " messages, at most " + maxBatch());
        }
        CompletableFuture<Void> result = new CompletableFuture<>();
        synchronized (this) {
            if (sentBytes - readBytes > MAX_UNREAD_BYTES) {
                parked = messages;
                parkedResult = result;
                return result;
            }
        }
        write(messages, result);
        return result;
    }

    private void write(List<Outbound> messages, CompletableFuture<Void> result) {
        long mark;
        boolean ping;
        synchronized (this) {
            for (Outbound m : messages) {
                sentBytes += m.text().length();
            }
            mark = sentBytes;
            ping = !pingOutstanding && sentBytes - pingedAt >= PING_EVERY_BYTES;
            if (ping) {
                pingedAt = sentBytes;
                pingOutstanding = true;
            }
        }
        try {
            if (direct.isPresent()) {
                direct.get().send(frames(messages)).whenComplete((frame, failure) -> finish(result, failure,
                        messages.size()));
            } else {
                SendHandler done = sent -> finish(result, sent.getException(), 1);
                inSendContext(() -> session.getAsyncRemote().sendText(messages.get(0).text(), done));
            }
        } catch (IOException | RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        if (ping) {
            pinger.execute(() -> ping(Long.toString(mark)));
        }
    }

    /** The messages' frames, back to back: each message's own shared array when it is alone. */
    private static byte[] frames(List<Outbound> messages) {
        if (messages.size() == 1) {
            return messages.get(0).frame();
        }
        int length = 0;
        for (Outbound m : messages) {
            length += m.frame().length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (Outbound m : messages) {
            byte[] frame = m.frame();
            System.arraycopy(frame, 0, out, at, frame.length);
            at += frame.length;
        }
        return out;
    }

    private void finish(CompletableFuture<Void> result, Throwable failure, int messages) {
        if (failure == null) {
            counters.sent(messages);
            result.complete(null);
        } else {
            result.completeExceptionally(failure);
        }
    }

    private void ping(String data) {
        try {
            inSendContext(() -> session.getAsyncRemote().sendPing(
                    ByteBuffer.wrap(data.getBytes(StandardCharsets.US_ASCII))));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Ping failed; the client is going away", e);
        }
    }

    /**
     * Measures the round trip to the client: a ping whose data is {@value ConnectionCounters#PROBE} and the time it
     * left, answered by the client's WebSocket stack, not its application. The pings of the flow control carry a
     * plain count and are told apart by that prefix.
     */
    public void probe() {
        if (!session.isOpen()) {
            return;
        }
        pinger.execute(() -> ping(ConnectionCounters.PROBE + System.nanoTime()));
    }

    /** What was sent to the client and the last measured round trip. */
    public ConnectionCounters counters() {
        return counters;
    }

    /**
     * The client read everything up to the count its pong carries; a waiting send may go. A pong to a
     * {@link #probe()} gives the round trip instead.
     */
    void acknowledge(PongMessage pong) {
        String data = StandardCharsets.US_ASCII.decode(pong.getApplicationData()).toString();
        long mark;
        try {
            if (data.startsWith(ConnectionCounters.PROBE)) {
                counters.roundTrip(System.nanoTime() - Long.parseLong(data.substring(
                        ConnectionCounters.PROBE.length())));
                return;
            }
            mark = Long.parseLong(data);
        } catch (NumberFormatException e) {
            return;
        }
        List<Outbound> messages = null;
        CompletableFuture<Void> result = null;
        synchronized (this) {
            readBytes = Math.max(readBytes, Math.min(mark, sentBytes));
            pingOutstanding = false;
            if (parked != null && sentBytes - readBytes <= MAX_UNREAD_BYTES) {
                messages = parked;
                result = parkedResult;
                parked = null;
                parkedResult = null;
            }
        }
        if (messages != null) {
            write(messages, result);
        }
    }

    @Override
    public void close(String reason) {
        if (!session.isOpen()) {
            return;
        }
        // 1013 "try again later" tells a lagging client to reconnect and resume.
        CloseReason.CloseCode code = "lagging".equals(reason) ? CloseReason.CloseCodes.TRY_AGAIN_LATER
                : CloseReason.CloseCodes.NORMAL_CLOSURE;
        // Closing writes a close frame, which may wait on a client that does not read.
        pinger.execute(() -> {
            try {
                inSendContext(() -> session.close(new CloseReason(code, reason)));
            } catch (IOException | IllegalStateException e) {
                LOG.log(Level.FINE, "Closing a WebSocket that is already gone", e);
            }
        });
    }

    /** Without an idle timeout; under the send context, since Tyrus schedules its idle timer even then. */
    static void switchOffIdleTimeout(Session session) {
        try {
            inSendContext(() -> session.setMaxIdleTimeout(0));
        } catch (IOException e) {
            throw new IllegalStateException("setting a timeout does no I/O", e);
        }
    }

    private static void inSendContext(SessionAction action) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(SEND_CONTEXT);
        try {
            action.run();
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    /** A call on the session that may fail with an I/O error. */
    private interface SessionAction {
        void run() throws IOException;
    }

    @Override
    public boolean isOpen() {
        return session.isOpen();
    }
}
