package com.acme.analytics.realtime.sse;

import com.acme.analytics.realtime.hub.Outbound;
import com.acme.analytics.realtime.hub.Transport;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A hub client over an SSE sink. Every event carries an {@code id}: the last event sequence the client has been
 * sent, which a browser sends back as {@code Last-Event-ID} when it reconnects. The sink's write may block on a
 * client that does not read, so it runs on the executor, never on the publisher's thread.
 */
public final class SseTransport implements Transport {

    private static final Logger LOG = Logger.getLogger(SseTransport.class.getName());

    private final SseEventSink sink;
    private final Sse sse;
    private final Executor executor;

    public SseTransport(SseEventSink sink, Sse sse, Executor executor) {
        this.sink = sink;
        this.sse = sse;
        this.executor = executor;
    }

    @Override
    public CompletionStage<Void> send(Outbound message, long lastSequence) {
        OutboundSseEvent.Builder builder = sse.newEventBuilder()
                .id(Long.toString(lastSequence))
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(String.class, message.text());
        if (message.name() != null) {
            builder.name(message.name());
        }
        OutboundSseEvent event = builder.build();
        return CompletableFuture.runAsync(() -> sink.send(event).toCompletableFuture().join(), executor);
    }

    /** An SSE comment ({@code : note}): traffic for proxies, ignored by {@code EventSource}. */
    @Override
    public CompletionStage<Void> keepAlive(String note) {
        OutboundSseEvent comment = sse.newEventBuilder().comment(note).build();
        return CompletableFuture.runAsync(() -> sink.send(comment).toCompletableFuture().join(), executor);
    }

    @Override
    public void close(String reason) {
        // Closing ends the chunked response, which may wait on a client that does not read.
        executor.execute(() -> {
            try {
                sink.close();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Closing a broken stream", e);
            }
        });
    }

    @Override
    public boolean isOpen() {
        return !sink.isClosed();
    }
}
