package com.acme.analytics.realtime.hub;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One client of the hub ({@link ClientIdentity who it is}) and what waits for it. Ordered messages (events) wait
 * in a bounded queue and are sent in order, each at most once; coalesced messages (metrics, stats, heartbeats) wait
 * one per key, a newer replacing an older, and go out at most once per {@link HubSettings#minUpdateInterval()}. One
 * send (of one message, or of a batch of the waiting ones) is in flight at a time, so a client that does not read
 * holds at most one batch in its transport and the queue's capacity here.
 *
 * <p>A client that resumes is {@link #restart restarted} with the events it missed, which take one place in the
 * queue however many they are ({@link OrderedQueue}).
 *
 * <p>A client whose queue overflows, or whose send does not finish within the send timeout, is lagging: it is
 * told with an {@code error} (code {@code lagging}) ahead of anything else, receives no further ordered messages,
 * and is disconnected once the grace period has passed. It then resumes from the last sequence it saw.
 *
 * <p>Thread-safe; {@link #offer} never blocks on the network: it only queues, and the sending is done by the
 * channel's sender thread.
 */
public final class ClientChannel extends ClientIdentity {

    private static final int BURST = 16;

    private final Transport transport;
    private final HubSettings settings;
    private final HubMetrics metrics;
    /** The metrics' own window, held directly: recorded on every send. */
    private final LatencyWindow sendLatency;
    private final Consumer<ClientChannel> onReady;
    private final Consumer<ClientChannel> onRateLimited;
    private final Consumer<ClientChannel> onClosed;

    // Guarded by this, pending's state included.
    private final PendingMessages pending;
    private boolean scheduled;
    private boolean sending;
    private long sendStartedNanos;
    private boolean closed;

    /**
     * @param onReady       hands the channel to its sender thread, which then calls {@link #deliver()}; called at
     *                      most once until that call starts
     * @param onRateLimited called when updates wait for the rate limit; the hub's tick calls {@link #schedule()}
     * @param onClosed      called once, when the channel closes
     */
    ClientChannel(String id, String workspaceId, Audience audience, Transport transport, HubSettings settings,
                  HubMetrics metrics, Outbound laggingNotice, Consumer<ClientChannel> onReady,
                  Consumer<ClientChannel> onRateLimited, Consumer<ClientChannel> onClosed) {
        super(id, workspaceId, audience);
        this.transport = transport;
        this.settings = settings;
        this.metrics = metrics;
        this.sendLatency = metrics.sendLatency();
        this.onReady = onReady;
        this.onRateLimited = onRateLimited;
        this.onClosed = onClosed;
        this.pending = new PendingMessages(settings.minUpdateInterval(), laggingNotice);
    }

    /** What carries this client's messages (a WebSocket session, an SSE sink). */
    public Transport transport() {
        return transport;
    }

    /**
     * Queues a message for this client. An ordered message whose sequence the client was already given is
     * skipped, so that a replay followed by live delivery never repeats an event.
     *
     * @return whether the message was queued
     */
    public boolean offer(Outbound message) {
        synchronized (this) {
            if (closed) {
                return false;
            }
            long now = System.nanoTime();
            if (message.coalesced()) {
                if (pending.coalesce(message, now)) {
                    metrics.coalesced();
                }
            } else if (pending.queuedBefore(message)) {
                return false;
            } else if (!pending.addOrdered(message, now, settings.queueCapacity())) {
                metrics.dropped();
                pending.giveUpOrdered(now);
                return false;
            }
        }
        schedule();
        return true;
    }

    /**
     * Declares that the client has seen every event up to the sequence: later ones only are queued, and the SSE
     * {@code id} of what it is sent starts there.
     */
    public synchronized void startAfter(long sequence) {
        pending.startAfter(sequence);
    }

    /**
     * Starts the client over after {@code sequence}, as a new {@code subscribe} does: events queued but not sent
     * are forgotten (answers stay, in order), then the missed events go out, ahead of any event queued later.
     * Events are queued from then on only above {@code upTo}, the last sequence the missed events could hold.
     *
     * @param missed events after {@code sequence}, oldest first, rendered when their turn comes (null: skipped)
     */
    public <T> void restart(long sequence, long upTo, List<T> missed, Function<? super T, Outbound> render) {
        synchronized (this) {
            if (closed) {
                return;
            }
            pending.restart(sequence, upTo, missed, render, System.nanoTime());
        }
        schedule();
    }

    /** Forgets the events queued and not sent, as an {@code unsubscribe} does; answers stay. */
    public synchronized void dropEvents() {
        pending.dropEvents();
    }

    /** The highest event sequence queued for this client, 0 when none. */
    public synchronized long lastSequence() {
        return pending.lastQueuedSequence();
    }

    /** Messages waiting, in the queue (a replay counted by what it has left) and coalesced. */
    public synchronized int queued() {
        return pending.messages();
    }

    public synchronized boolean lagging() {
        return pending.givenUpAt() != 0;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /** Asks the sender thread for a {@link #deliver()}, unless one is already pending. */
    void schedule() {
        synchronized (this) {
            if (scheduled || closed) {
                return;
            }
            scheduled = true;
        }
        onReady.accept(this);
    }

    /**
     * Sends what is due, on the channel's sender thread: what waits in order goes out together, up to the
     * transport's batch, so that a client that fell behind catches up with fewer writes. Up to {@value #BURST}
     * sends that complete at once, then the channel goes to the back of its thread's line, so that a client with a
     * long queue does not hold up the others. A send that completes later schedules the next one.
     */
    void deliver() {
        synchronized (this) {
            scheduled = false;
        }
        int maxBatch = transport.maxBatch();
        for (int i = 0; i < BURST; i++) {
            PendingMessages.Batch batch;
            synchronized (this) {
                if (sending || closed) {
                    return;
                }
                long now = System.nanoTime();
                batch = pending.next(now, maxBatch);
                if (batch == null) {
                    if (pending.hasCoalesced()) {
                        onRateLimited.accept(this);
                    }
                    return;
                }
                sending = true;
                sendStartedNanos = now;
            }
            CompletableFuture<Void> sent;
            try {
                sent = transport.send(batch.messages(), batch.lastSequence()).toCompletableFuture();
            } catch (RuntimeException e) {
                close("send_failed");
                return;
            }
            if (!sent.isDone()) {
                sent.whenComplete((ok, failure) -> {
                    if (afterSend(failure, batch)) {
                        schedule();
                    }
                });
                return;
            }
            if (!afterSend(sent.isCompletedExceptionally() ? new IllegalStateException() : null, batch)) {
                return;
            }
        }
        schedule();
    }

    /** @return whether the caller may go on sending */
    private boolean afterSend(Throwable failure, PendingMessages.Batch batch) {
        if (failure != null) {
            close("send_failed");
            return false;
        }
        // The first message of a batch waited longest: its wait stands for all, an upper bound.
        sendLatency.record(System.nanoTime() - batch.queuedAt(), batch.messages().size());
        synchronized (this) {
            sending = false;
        }
        return true;
    }

    /**
     * The hub's periodic check: a send stuck past the send timeout makes the client lagging; a lagging client is
     * disconnected after the grace period.
     *
     * @return whether the client was disconnected
     */
    boolean checkLagging(long now) {
        synchronized (this) {
            if (closed) {
                return false;
            }
            if (sending && now - sendStartedNanos > settings.sendTimeout().toNanos()) {
                pending.giveUpOrdered(now);
            }
            long laggingSince = pending.givenUpAt();
            if (laggingSince == 0 || now - laggingSince < settings.lagGrace().toNanos()) {
                return false;
            }
        }
        metrics.laggingDisconnect();
        close("lagging");
        return true;
    }

    /** Ends the client's connection and forgets what waited for it. Idempotent. */
    public void close(String reason) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            pending.clear();
        }
        try {
            transport.close(reason);
        } finally {
            onClosed.accept(this);
        }
    }

    boolean transportOpen() {
        return transport.isOpen();
    }
}
