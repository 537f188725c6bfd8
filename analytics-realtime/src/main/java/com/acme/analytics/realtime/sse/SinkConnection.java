package com.acme.analytics.realtime.sse;

import com.acme.analytics.access.OpenConnections;
import jakarta.ws.rs.sse.SseEventSink;

/** An SSE stream as the registry of open connections sees it; closing it ends the response. */
public record SinkConnection(SseEventSink sink) implements OpenConnections.Connection {

    @Override
    public boolean isOpen() {
        return !sink.isClosed();
    }

    @Override
    public void close(String reason) {
        try {
            sink.close();
        } catch (RuntimeException e) {
            // already broken: closed either way
        }
    }
}
