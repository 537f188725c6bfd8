package com.acme.analytics.realtime.websocket;

import com.acme.analytics.access.OpenConnections;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;

/**
 * A WebSocket session as the registry of open connections sees it; closed with 1008 (policy violation). Every
 * WebSocket endpoint registers its sessions with {@code OpenConnections} through this, in {@code @OnOpen}.
 */
public record SessionConnection(Session session) implements OpenConnections.Connection {

    @Override
    public boolean isOpen() {
        return session.isOpen();
    }

    @Override
    public void close(String reason) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
        } catch (IOException | IllegalStateException e) {
            // already closed
        }
    }
}
