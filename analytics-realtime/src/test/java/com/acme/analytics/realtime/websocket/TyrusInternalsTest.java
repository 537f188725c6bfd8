package com.acme.analytics.realtime.websocket;

import com.acme.analytics.realtime.hub.HubMetrics;
import com.acme.analytics.realtime.hub.SilentHubMetrics;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The switches and gauges of the Tyrus tricks; that they work on the pinned Payara is LiveDeliveryIT's to prove. */
class TyrusInternalsTest {

    private LongSupplier fastSendGauge;
    private LongSupplier releaseGauge;
    private LongSupplier idleTimerGauge;
    private final HubMetrics metrics = new SilentHubMetrics() {
        @Override
        public void websocketTricks(LongSupplier fastSend, LongSupplier handshakeRelease) {
            fastSendGauge = fastSend;
            releaseGauge = handshakeRelease;
        }

        @Override
        public void websocketIdleTimer(LongSupplier plainIdleTimer) {
            idleTimerGauge = plainIdleTimer;
        }
    };
    /** How often the sessions below were asked for their remote endpoint. */
    private final AtomicInteger looked = new AtomicInteger();

    /** A session of a container other than Tyrus: its remote endpoint is nobody's internals. */
    private Session otherContainersSession() {
        RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RemoteEndpoint.Async.class}, (p, m, a) -> null);
        return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                (p, m, a) -> {
                    if (m.getName().equals("getAsyncRemote")) {
                        looked.incrementAndGet();
                        return remote;
                    }
                    throw new AssertionError("not expected: " + m);
                });
    }

    @Test
    void shouldSayNoSessionYetBeforeTheFirstOne() {
        new TyrusInternals(true, true, true, metrics);
        assertEquals(TyrusInternals.NO_SESSION_YET, fastSendGauge.getAsLong());
        assertEquals(TyrusInternals.NO_SESSION_YET, releaseGauge.getAsLong());
        assertEquals(TyrusInternals.NO_SESSION_YET, idleTimerGauge.getAsLong());
    }

    @Test
    void shouldLeaveTheSessionAloneWhenSwitchedOff() {
        TyrusInternals tyrus = new TyrusInternals(false, false, false, metrics);
        Session session = otherContainersSession();
        assertTrue(tyrus.frameSender(session).isEmpty());
        tyrus.releaseHandshake(session);
        tyrus.plainIdleTimer(session);
        assertEquals(0, looked.get(), "no reflection when switched off");
        assertEquals(TyrusInternals.NOT_IN_USE, fastSendGauge.getAsLong());
        assertEquals(TyrusInternals.NOT_IN_USE, releaseGauge.getAsLong());
        assertEquals(TyrusInternals.NOT_IN_USE, idleTimerGauge.getAsLong());
    }

    @Test
    void shouldSendTheStandardWayAndShowItWhereTheSessionIsNotTyrus() {
        TyrusInternals tyrus = new TyrusInternals(true, true, false, metrics);
        assertTrue(tyrus.frameSender(otherContainersSession()).isEmpty());
        tyrus.releaseHandshake(otherContainersSession());
        assertEquals(TyrusInternals.NOT_IN_USE, fastSendGauge.getAsLong(), "the gauge shows the fast path lost");
        assertEquals(TyrusInternals.NOT_IN_USE, releaseGauge.getAsLong());
        assertEquals(2, looked.get());
        assertTrue(tyrus.frameSender(otherContainersSession()).isEmpty());
        tyrus.releaseHandshake(otherContainersSession());
        assertEquals(2, looked.get(), "a trick that failed is not tried again");
    }

    @Test
    void shouldKeepTheContainersIdleTimerAndShowItWhereTheSessionIsNotTyrus() {
        TyrusInternals tyrus = new TyrusInternals(false, false, true, metrics);
        Session session = otherContainersSession();
        tyrus.plainIdleTimer(session);
        assertEquals(TyrusInternals.NOT_IN_USE, idleTimerGauge.getAsLong(), "the gauge shows the trick lost");
        tyrus.plainIdleTimer(session);
        assertEquals(TyrusInternals.NOT_IN_USE, idleTimerGauge.getAsLong());
    }
}
