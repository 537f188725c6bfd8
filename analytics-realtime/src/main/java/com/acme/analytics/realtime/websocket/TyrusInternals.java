package com.acme.analytics.realtime.websocket;

import com.acme.analytics.realtime.hub.HubMetrics;
import com.acme.analytics.realtime.startup.WebModuleStarted;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The fence around everything that reaches into Tyrus's internals (Tyrus is the WebSocket implementation of Payara
 * and GlassFish), by reflection: nothing else in the application may. Each trick has its switch, and a gauge (see
 * {@link HubMetrics#websocketTricks}) that says whether it is in use, so that an upgrade of the server that breaks
 * one shows on {@code /metrics}, in a warning, and in {@code LiveDeliveryIT} (which fails), not only as a slower
 * server. A trick that fails once is not tried again until a restart; elsewhere (WildFly's Undertow) neither applies.
 *
 * <ul>
 * <li><b>Fast send</b> ({@code analytics.realtime.tyrus.fast-send}): frames encoded once are written straight to
 * Tyrus's socket object ({@code TyrusWebSocket.sendRawFrame}), so the one encoding of a message is shared by all its
 * clients, and several frames go in one write. Tyrus's own {@code RemoteEndpoint.Async.sendText} encodes per client
 * and re-arms the session's idle timer on every send through the container's managed scheduler, which with thousands
 * of sessions costs several times the send itself (bench/fanout: about half the fan-out without it).</li>
 * <li><b>Handshake release</b> ({@code analytics.realtime.tyrus.release-handshake}): Tyrus's servlet upgrade
 * handler keeps the handshake's request and response as Tyrus copied them (headers, parameters, URI, the container's
 * request wrapper) for the connection's life, though it reads them only to open it: about 1.5 KB per connection
 * (heap histograms at 10,000 connections). The session has its own copies of all it exposes.</li>
 * <li><b>Plain idle timer</b> ({@code analytics.realtime.tyrus.plain-idle-timer}): Tyrus re-arms a session's idle
 * timer on every frame it receives (a pong, a message), even with the timeout switched off, on the container's
 * managed scheduler, which captures the thread's context for each task: on a container thread (the application's
 * class loader) a scan of every jar for context providers, and an exception per jar (bench/fanout, JFR at 10,000
 * clients: about as much CPU as all the sending, and half of the allocation). The session's scheduler is replaced by
 * a plain one of this class's, so a re-arm costs a queue insert; a timeout, should anyone set one, still works.</li>
 * </ul>
 */
@ApplicationScoped
public class TyrusInternals {

    private static final Logger LOG = Logger.getLogger(TyrusInternals.class.getName());
    private static final String REMOTE_ENDPOINT = "org.glassfish.tyrus.core.TyrusRemoteEndpoint";
    /** What Tyrus returns from a raw send; a {@link CompletableFuture} in every Tyrus 2 release. */
    private static final String FUTURE = "org.glassfish.tyrus.core.TyrusFuture";
    /** From the session's remote endpoint to the upgrade handler: each step a class and its field. */
    private static final String[][] TO_UPGRADE_HANDLER = {
        {REMOTE_ENDPOINT, "webSocket"},
        {"org.glassfish.tyrus.core.TyrusWebSocket", "protocolHandler"},
        {"org.glassfish.tyrus.core.ProtocolHandler", "writer"},
        {"org.glassfish.tyrus.servlet.TyrusServletWriter", "tyrusHttpUpgradeHandler"},
        {"org.glassfish.tyrus.servlet.TyrusServletUpgrade$TyrusHttpUpgradeHandlerProxy", "handler"},
    };
    private static final String[] HANDSHAKE = {"org.glassfish.tyrus.servlet.TyrusHttpUpgradeHandler", "upgradeInfo"};
    private static final String[] IDLE_SCHEDULER = {"org.glassfish.tyrus.core.TyrusSession", "service"};
    /** Gauge values. */
    static final long IN_USE = 1;
    static final long NOT_IN_USE = 0;
    static final long NO_SESSION_YET = -1;
    private static volatile TyrusInternals instance;

    @Inject
    HubMetrics metrics;
    @Inject
    @ConfigProperty(name = "analytics.realtime.tyrus.fast-send")
    boolean fastSend;
    @Inject
    @ConfigProperty(name = "analytics.realtime.tyrus.release-handshake")
    boolean releaseHandshake;
    @Inject
    @ConfigProperty(name = "analytics.realtime.tyrus.plain-idle-timer")
    boolean plainIdleTimer;
    @Resource
    ManagedThreadFactory threads;

    private volatile Handles handles;
    private volatile boolean fastSendLost;
    private volatile boolean releaseLost;
    private volatile boolean idleTimerLost;
    /** The sessions' idle timers, once the first session needed it. */
    private ScheduledThreadPoolExecutor idleTimer;
    private final Map<Class<?>, Field> fields = new ConcurrentHashMap<>();
    /** What the latest session got; {@link #NO_SESSION_YET} until one opened. */
    private volatile long fastSendState = NO_SESSION_YET;
    private volatile long releaseState = NO_SESSION_YET;
    private volatile long idleTimerState = NO_SESSION_YET;

    /** For CDI. */
    protected TyrusInternals() {
    }

    /** Outside a container, for tests. */
    TyrusInternals(boolean fastSend, boolean releaseHandshake, boolean plainIdleTimer, HubMetrics metrics) {
        this.fastSend = fastSend;
        this.releaseHandshake = releaseHandshake;
        this.plainIdleTimer = plainIdleTimer;
        this.metrics = metrics;
        register();
    }

    @PostConstruct
    void register() {
        metrics.websocketTricks(() -> fastSendState, () -> releaseState);
        metrics.websocketIdleTimer(() -> idleTimerState);
        if (!fastSend) {
            LOG.info("Direct Tyrus sends switched off (analytics.realtime.tyrus.fast-send=false)");
        }
        if (!releaseHandshake) {
            LOG.info("Tyrus's handshake copies are kept (analytics.realtime.tyrus.release-handshake=false)");
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (idleTimer != null) {
            idleTimer.shutdownNow();
        }
    }

    /** Registers the gauges when the application starts, not at the first connection. */
    void onStart(@Observes WebModuleStarted started) {
        // Observing the start instantiates the bean, whose @PostConstruct registers the gauges.
    }

    /** The bean, looked up once: the JSR-356 endpoints reach {@link Channels} statically. */
    static TyrusInternals instance() {
        TyrusInternals i = instance;
        if (i == null) {
            i = CDI.current().select(TyrusInternals.class).get();
            instance = i;
        }
        return i;
    }

    /** Whether the latest session got the fast send: {@link #IN_USE}, {@link #NOT_IN_USE} or none yet. */
    long fastSendState() {
        return fastSendState;
    }

    /** Whether the latest session's handshake copies were released: as {@link #fastSendState()}. */
    long releaseState() {
        return releaseState;
    }

    /** The direct sender of the session; empty where the standard remote endpoint must send. */
    public Optional<TyrusFrameSender> frameSender(Session session) {
        Optional<TyrusFrameSender> sender = fastSend && !fastSendLost ? findFrameSender(session) : Optional.empty();
        fastSendState = sender.isPresent() ? IN_USE : NOT_IN_USE;
        return sender;
    }

    private Optional<TyrusFrameSender> findFrameSender(Session session) {
        Object remote = session.getAsyncRemote();
        try {
            Handles h = handles(remote.getClass());
            if (h != null) {
                return Optional.of(new TyrusFrameSender(h.webSocket().invoke(remote), h.sendRawFrame()));
            }
            lost("fast-send", "the session is not Tyrus's, or its raw send returns no CompletableFuture ("
                    + remote.getClass().getName() + ")", null);
        } catch (Throwable e) {
            lost("fast-send", "Tyrus's internals are not as expected", e);
        }
        fastSendLost = true;
        return Optional.empty();
    }

    private Handles handles(Class<?> remoteClass) throws ReflectiveOperationException {
        Handles h = handles;
        if (h != null) {
            return h;
        }
        for (Class<?> c = remoteClass; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(REMOTE_ENDPOINT)) {
                Class<?> future = Class.forName(FUTURE, false, c.getClassLoader());
                if (!CompletableFuture.class.isAssignableFrom(future)) {
                    return null;
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
        return null;
    }

    /** Whether the latest session got the plain idle timer: as {@link #fastSendState()}. */
    long idleTimerState() {
        return idleTimerState;
    }

    /** Gives the session's idle timer the plain scheduler; call first once the session is open. */
    public void plainIdleTimer(Session session) {
        if (!plainIdleTimer || idleTimerLost) {
            idleTimerState = NOT_IN_USE;
            return;
        }
        try {
            Field field = field(session, IDLE_SCHEDULER);
            if (field != null && field.getType() == ScheduledExecutorService.class) {
                field.set(session, idleTimer());
                idleTimerState = IN_USE;
                return;
            }
            lost("plain-idle-timer", "the session is not Tyrus's, or keeps no scheduler (" + session.getClass().getName()
                    + ")", null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            lost("plain-idle-timer", "Tyrus's internals are not as expected", e);
        }
        idleTimerLost = true;
        idleTimerState = NOT_IN_USE;
    }

    private synchronized ScheduledExecutorService idleTimer() {
        if (idleTimer == null) {
            // A managed thread, made once: its context is captured once, not per task.
            idleTimer = new ScheduledThreadPoolExecutor(1, threads != null ? threads : Executors.defaultThreadFactory());
            // Every received frame cancels a timer and sets another: cancelled ones must not pile up in its queue.
            idleTimer.setRemoveOnCancelPolicy(true);
        }
        return idleTimer;
    }

    /** Lets go of what Tyrus's servlet upgrade keeps of the handshake; call once the session is open. */
    public void releaseHandshake(Session session) {
        if (!releaseHandshake || releaseLost) {
            releaseState = NOT_IN_USE;
            return;
        }
        try {
            Object at = session.getAsyncRemote();
            for (String[] step : TO_UPGRADE_HANDLER) {
                Field field = field(at, step);
                if (field == null) {
                    releaseLost = true;
                    releaseState = NOT_IN_USE;
                    lost("release-handshake", "no " + step[0] + " on the way to the handshake", null);
                    return;
                }
                at = field.get(at);
            }
            Field handshake = field(at, HANDSHAKE);
            if (handshake != null) {
                handshake.set(at, null);
                releaseState = IN_USE;
            } else {
                releaseState = NOT_IN_USE;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            releaseLost = true;
            releaseState = NOT_IN_USE;
            lost("release-handshake", "Tyrus's internals are not as expected", e);
        }
    }

    /** The field of the step when the object is of the step's class; null otherwise (null object included). */
    private Field field(Object object, String[] step) throws NoSuchFieldException {
        for (Class<?> c = object == null ? null : object.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(step[0])) {
                Field field = fields.get(c);
                if (field == null) {
                    field = c.getDeclaredField(step[1]);
                    field.setAccessible(true);
                    fields.put(c, field);
                }
                return field;
            }
        }
        return null;
    }

    private static void lost(String trick, String why, Throwable cause) {
        LOG.log(Level.WARNING, "analytics.realtime.tyrus." + trick + " is on but cannot work: " + why
                + "; going without it until a restart (see the README, Sending on Payara)", cause);
    }

    private record Handles(MethodHandle webSocket, MethodHandle sendRawFrame) {
    }
}
