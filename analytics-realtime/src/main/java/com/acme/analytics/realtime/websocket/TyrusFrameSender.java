package com.acme.analytics.realtime.websocket;

import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * Writes whole frames straight to one Tyrus socket, through the handle {@link TyrusInternals} found (the fast send);
 * only that class makes one.
 */
public final class TyrusFrameSender {

    private final Object webSocket;
    private final MethodHandle sendRawFrame;

    TyrusFrameSender(Object webSocket, MethodHandle sendRawFrame) {
        this.webSocket = webSocket;
        this.sendRawFrame = sendRawFrame;
    }

    /**
     * Writes complete frames; the stage completes once the container has taken them.
     *
     * @param frames whole WebSocket frames, back to back, not modified by the send
     */
    public CompletableFuture<?> send(byte[] frames) {
        try {
            return (CompletableFuture<?>) sendRawFrame.invoke(webSocket, ByteBuffer.wrap(frames));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
