package com.acme.analytics.realtime.websocket;

import com.acme.analytics.realtime.hub.Outbound;
import com.acme.analytics.realtime.hub.Transport;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A hub client over a JSR-356 session; sends with the asynchronous remote, never blocking the caller. */
public final class WebSocketTransport implements Transport {

    private static final Logger LOG = Logger.getLogger(WebSocketTransport.class.getName());

    private final Session session;

    public WebSocketTransport(Session session) {
        this.session = session;
    }

    @Override
    public CompletionStage<Void> send(Outbound message, long lastSequence) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        session.getAsyncRemote().sendText(message.text(), result -> {
            if (result.isOK()) {
                sent.complete(null);
            } else {
                sent.completeExceptionally(result.getException());
            }
        });
        return sent;
    }

    @Override
    public void close(String reason) {
        if (!session.isOpen()) {
            return;
        }
        // 1013 "try again later" tells a lagging client to reconnect and resume.
        CloseReason.CloseCode code = "lagging".equals(reason) ? CloseReason.CloseCodes.TRY_AGAIN_LATER
                : CloseReason.CloseCodes.NORMAL_CLOSURE;
        try {
            session.close(new CloseReason(code, reason));
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "Closing a WebSocket that is already gone", e);
        }
    }

    @Override
    public boolean isOpen() {
        return session.isOpen();
    }
}
