package com.acme.analytics.realtime.websocket;

import jakarta.websocket.Session;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A faster send on Tyrus (the WebSocket implementation of Payara and GlassFish), found by reflection and used only
 * when present: it writes a frame that is already encoded, so the one encoding of a message is shared by all its
 * clients instead of being redone per client. Tyrus's own {@code RemoteEndpoint.Async.sendText} also re-arms the
 * session's idle timer on every send through the container's managed scheduler, which with thousands of sessions
 * costs several times the send itself (measured with bench/fanout); the hub does not use the container's idle
 * timeout (it is switched off, see {@link Channels}). Elsewhere (WildFly's Undertow) the standard remote endpoint is
 * used.
 */
final class TyrusFrameSender {

    private static final Logger LOG = Logger.getLogger(TyrusFrameSender.class.getName());
    private static final String REMOTE_ENDPOINT = "org.glassfish.tyrus.core.TyrusRemoteEndpoint";
    /** What Tyrus returns from a raw send; a {@link CompletableFuture} in every Tyrus 2 release. */
    private static final String FUTURE = "org.glassfish.tyrus.core.TyrusFuture";
    private static volatile Handles handles;
    private static volatile boolean unavailable;

    private final Object webSocket;
    private final MethodHandle sendRawFrame;

    private TyrusFrameSender(Object webSocket, MethodHandle sendRawFrame) {
        this.webSocket = webSocket;
        this.sendRawFrame = sendRawFrame;
    }

    /** The direct sender of the session, when it is a Tyrus session. */
    static Optional<TyrusFrameSender> of(Session session) {
        if (unavailable) {
            return Optional.empty();
        }
        Object remote = session.getAsyncRemote();
        try {
            Handles h = handles(remote.getClass());
            if (h == null) {
                return Optional.empty();
            }
            return Optional.of(new TyrusFrameSender(h.webSocket().invoke(remote), h.sendRawFrame()));
        } catch (Throwable e) {
            unavailable = true;
            LOG.log(Level.INFO, "Direct Tyrus sends unavailable; using the standard remote endpoint", e);
            return Optional.empty();
        }
    }

    private static Handles handles(Class<?> remoteClass) throws ReflectiveOperationException {
        Handles h = handles;
        if (h != null) {
            return h;
        }
        for (Class<?> c = remoteClass; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(REMOTE_ENDPOINT)) {
                Class<?> future = Class.forName(FUTURE, false, c.getClassLoader());
                if (!CompletableFuture.class.isAssignableFrom(future)) {
                    break;
                }
                Field field = c.getDeclaredField("webSocket");
                field.setAccessible(true);
                MethodHandle getter = MethodHandles.lookup().unreflectGetter(field);
                MethodHandle send = MethodHandles.publicLookup().findVirtual(field.getType(), "sendRawFrame",
                        MethodType.methodType(Future.class, ByteBuffer.class));
                h = new Handles(getter, send);
                handles = h;
                return h;
            }
        }
        unavailable = true;
        return null;
    }

    /**
     * Writes a complete frame; the stage completes once the container has taken it.
     *
     * @param frame a whole WebSocket frame, not modified by the send
     */
    CompletableFuture<?> send(byte[] frame) {
        try {
            return (CompletableFuture<?>) sendRawFrame.invoke(webSocket, ByteBuffer.wrap(frame));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private record Handles(MethodHandle webSocket, MethodHandle sendRawFrame) {
    }
}
