package com.acme.analytics.realtime.websocket;

import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A faster text send on Tyrus (the WebSocket implementation of Payara and GlassFish), found by reflection and used
 * only when present. Tyrus's {@code RemoteEndpoint.Async.sendText} re-arms the session's idle timer on every send
 * through the container's managed scheduler; with thousands of sessions that costs several times the send itself
 * (measured with bench/fanout). The hub does not use the container's idle timeout (it is switched off, see
 * {@link Channels}), so sending through the session's {@code TyrusWebSocket} directly does the same work without
 * it. Elsewhere (WildFly's Undertow) the standard remote endpoint is used.
 */
final class TyrusTextSender {

    private static final Logger LOG = Logger.getLogger(TyrusTextSender.class.getName());
    private static final String REMOTE_ENDPOINT = "org.glassfish.tyrus.core.TyrusRemoteEndpoint";
    private static volatile Handles handles;
    private static volatile boolean unavailable;

    private final Object webSocket;
    private final MethodHandle sendText;

    private TyrusTextSender(Object webSocket, MethodHandle sendText) {
        this.webSocket = webSocket;
        this.sendText = sendText;
    }

    /** The direct sender of the session, when it is a Tyrus session. */
    static Optional<TyrusTextSender> of(Session session) {
        if (unavailable) {
            return Optional.empty();
        }
        Object remote = session.getAsyncRemote();
        try {
            Handles h = handles(remote.getClass());
            if (h == null) {
                return Optional.empty();
            }
            return Optional.of(new TyrusTextSender(h.webSocket().invoke(remote), h.sendText()));
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
                Field field = c.getDeclaredField("webSocket");
                field.setAccessible(true);
                MethodHandle getter = MethodHandles.lookup().unreflectGetter(field);
                MethodHandle send = MethodHandles.publicLookup().findVirtual(field.getType(), "sendText",
                        MethodType.methodType(void.class, String.class, SendHandler.class));
                h = new Handles(getter, send);
                handles = h;
                return h;
            }
        }
        unavailable = true;
        return null;
    }

    void sendText(String text, SendHandler handler) {
        try {
            sendText.invoke(webSocket, text, handler);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private record Handles(MethodHandle webSocket, MethodHandle sendText) {
    }
}
