package com.acme.analytics.realtime.websocket;

import jakarta.websocket.Session;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets go of what Tyrus's servlet upgrade keeps of a handshake once the session is open. Its upgrade handler holds
 * the handshake's request and response as Tyrus copied them (headers, parameters, URI, the container's request
 * wrapper) in a field it reads only to open the connection, and keeps them for the connection's life: about 1.5 KB
 * per connection (heap histograms at 10,000 connections). The session has its own copies of all it exposes (URI,
 * query, parameters, principal). Reached by reflection, as {@link TyrusFrameSender} does; where the objects are not
 * Tyrus's servlet ones (another container, another Tyrus) nothing is released.
 */
final class TyrusHandshakeRelease {

    private static final Logger LOG = Logger.getLogger(TyrusHandshakeRelease.class.getName());
    /** From the session's remote endpoint to the upgrade handler: each step a class and its field. */
    private static final String[][] PATH = {
        {"org.glassfish.tyrus.core.TyrusRemoteEndpoint", "webSocket"},
        {"org.glassfish.tyrus.core.TyrusWebSocket", "protocolHandler"},
        {"org.glassfish.tyrus.core.ProtocolHandler", "writer"},
        {"org.glassfish.tyrus.servlet.TyrusServletWriter", "tyrusHttpUpgradeHandler"},
        {"org.glassfish.tyrus.servlet.TyrusServletUpgrade$TyrusHttpUpgradeHandlerProxy", "handler"},
    };
    private static final String[] HANDSHAKE = {"org.glassfish.tyrus.servlet.TyrusHttpUpgradeHandler", "upgradeInfo"};
    private static final Map<Class<?>, Field> FIELDS = new ConcurrentHashMap<>();
    private static volatile boolean unavailable;

    private TyrusHandshakeRelease() {
    }

    /** Call once the session is open: the handler has read the handshake by then. */
    static void release(Session session) {
        if (unavailable) {
            return;
        }
        try {
            Object at = session.getAsyncRemote();
            for (String[] step : PATH) {
                Field field = field(at, step);
                if (field == null) {
                    return;
                }
                at = field.get(at);
            }
            Field handshake = field(at, HANDSHAKE);
            if (handshake != null) {
                handshake.set(at, null);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            unavailable = true;
            LOG.log(Level.INFO, "Tyrus's handshake copies cannot be released; each connection keeps them", e);
        }
    }

    /** The field of the step when the object is of the step's class; null otherwise (null object included). */
    private static Field field(Object object, String[] step) throws NoSuchFieldException {
        for (Class<?> c = object == null ? null : object.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(step[0])) {
                Field field = FIELDS.get(c);
                if (field == null) {
                    field = c.getDeclaredField(step[1]);
                    field.setAccessible(true);
                    FIELDS.put(c, field);
                }
                return field;
            }
        }
        return null;
    }
}
