package com.acme.analytics.realtime.hub;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A small fixed set of threads that do the hub's sends. Each client is bound to one of them for its whole life
 * (round robin as clients open), so a client's messages leave in order while the clients of one topic are written
 * to by every thread at once. A thread only takes the clients that have something due; a send that cannot complete
 * at once (a client that does not read) finishes later without holding the thread.
 */
final class SenderThreads {

    private static final Logger LOG = Logger.getLogger(SenderThreads.class.getName());

    private final Sender[] senders;
    private final AtomicInteger next = new AtomicInteger();

    SenderThreads(int count, ThreadFactory threads) {
        if (count < 1) {
            throw new IllegalArgumentException("sender threads " + count);
        }
        senders = new Sender[count];
        for (int i = 0; i < count; i++) {
            senders[i] = new Sender();
            Thread t = threads.newThread(senders[i]);
            t.setName("analytics-hub-sender-" + i);
            t.setDaemon(true);
            senders[i].thread = t;
        }
    }

    void start() {
        for (Sender s : senders) {
            s.thread.start();
        }
    }

    /** The thread a new client is bound to: what hands the client to it when the client has something due. */
    Consumer<ClientChannel> assign() {
        return senders[Math.floorMod(next.getAndIncrement(), senders.length)]::ready;
    }

    void stop() {
        for (Sender s : senders) {
            s.running = false;
            LockSupport.unpark(s.thread);
        }
    }

    private static final class Sender implements Runnable {
        private final Queue<ClientChannel> ready = new ConcurrentLinkedQueue<>();
        /** Set before the thread parks, so that publishers wake it only then: an unpark costs a system call. */
        private final AtomicBoolean sleeping = new AtomicBoolean();
        private volatile boolean running = true;
        private Thread thread;

        void ready(ClientChannel channel) {
            ready.add(channel);
            if (sleeping.get() && sleeping.compareAndSet(true, false)) {
                LockSupport.unpark(thread);
            }
        }

        @Override
        public void run() {
            while (running) {
                ClientChannel channel;
                while ((channel = ready.poll()) != null) {
                    try {
                        channel.deliver();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Sending to client " + channel.id() + " failed", e);
                        channel.close("send_failed");
                    }
                }
                sleeping.set(true);
                // A client queued between the last poll and the flag would not wake this thread: look again.
                if (ready.isEmpty() && running) {
                    LockSupport.park(this);
                }
                sleeping.set(false);
            }
        }
    }
}
