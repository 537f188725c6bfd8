package com.acme.analytics.realtime.live;

import com.acme.analytics.realtime.hub.Audience;
import com.acme.analytics.realtime.hub.ClientChannel;
import com.acme.analytics.realtime.hub.Outbound;
import com.acme.analytics.realtime.hub.SubscriptionHub;
import com.acme.analytics.realtime.hub.Topic;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Delivers sequenced events to the workspace topics, in sequence order, and keeps them in the replay window.
 * Delivery and resumption take one lock, so a resuming client gets the replayed events and then the live ones,
 * with nothing lost between the two and nothing twice.
 */
@ApplicationScoped
public class LiveDispatcher {

    private final ReentrantLock lock = new ReentrantLock();
    private ReplayWindow window;
    /** The highest sequence delivered; guarded by the lock. */
    private long head;

    @Inject
    SubscriptionHub hub;
    @Inject
    Event<LiveEvents> liveEvents;
    @Inject
    @ConfigProperty(name = "analytics.realtime.replay-window")
    int replayWindow;
    @Inject
    @ConfigProperty(name = "analytics.realtime.replay-window-bytes")
    long replayWindowBytes;

    @PostConstruct
    void createWindow() {
        window = new ReplayWindow(replayWindow, replayWindowBytes);
    }

    /** Delivers a batch, oldest first; called by the cluster feed on its delivery thread. */
    public void dispatch(List<SequencedEvent> events) {
        lock.lock();
        try {
            for (SequencedEvent e : events) {
                window.append(e);
                head = Math.max(head, e.sequence());
                hub.publish(Topic.workspace(e.event().workspaceId()), audience -> render(audience, e));
            }
        } finally {
            lock.unlock();
        }
        liveEvents.fire(new LiveEvents(events));
    }

    private static Outbound render(Audience audience, SequencedEvent e) {
        return audience instanceof EventAudience events ? events.event(e) : null;
    }

    /** The highest sequence delivered so far: where a client that resumes nothing starts. */
    public long head() {
        lock.lock();
        try {
            return head;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Subscribes the client to its workspace topic, first queueing the events after {@code afterSequence} that
     * the window holds, so it continues where it left off. The client starts over: events queued for an earlier
     * subscription and not sent are forgotten, and a subscription from an older sequence replays again what it
     * was sent before. The replay is sent as the client reads, outside its queue's bound, so any replay the
     * window holds completes.
     *
     * @param afterSequence the last sequence the client saw, or {@link #head()} read before for live events only
     * @return false when events after that sequence had already left the window (the client has a gap)
     */
    public boolean subscribe(ClientChannel channel, long afterSequence) {
        Topic topic = Topic.workspace(channel.workspaceId());
        lock.lock();
        try {
            boolean complete = true;
            List<SequencedEvent> missed = List.of();
            EventAudience audience = channel.audience() instanceof EventAudience a ? a : null;
            if (afterSequence < head && audience != null) {
                ReplayWindow.Replay replay = window.after(channel.workspaceId(), afterSequence);
                complete = replay.complete();
                missed = replay.events();
            }
            // Under the lock: every later event is above head, so nothing is lost or sent twice.
            channel.restart(afterSequence, head, missed, e -> audience.event(e));
            hub.subscribe(channel, topic);
            return complete;
        } finally {
            lock.unlock();
        }
    }
}
