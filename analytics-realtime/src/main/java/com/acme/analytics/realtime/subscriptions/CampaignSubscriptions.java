package com.acme.analytics.realtime.subscriptions;

import com.acme.analytics.realtime.hub.ClientChannel;
import com.acme.analytics.realtime.hub.Outbound;
import com.acme.analytics.realtime.hub.SubscriptionHub;
import com.acme.analytics.realtime.hub.Topic;
import com.acme.analytics.realtime.sse.SseTransport;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The campaign subscriptions: each is a hub client of its campaigns' topics (or of every campaign of its
 * organization when it named none) whose transport is a bounded {@link Mailbox}. A subscription neither polled
 * nor streamed for the idle period is removed; so is one whose channel the hub closed (it is not counted, and
 * answered as unknown, so that its client subscribes again). Attached streams get a heartbeat every interval.
 */
@ApplicationScoped
public class CampaignSubscriptions {

    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private ScheduledFuture<?> sweepTask;
    private ScheduledFuture<?> heartbeatTask;

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    SubscriptionHub hub;
    @Inject
    @ConfigProperty(name = "analytics.realtime.subscription.max-queue-size")
    int maxQueueSize;
    @Inject
    @ConfigProperty(name = "analytics.realtime.subscription.idle-seconds")
    long idleSeconds;
    @Inject
    @ConfigProperty(name = "analytics.realtime.subscription.heartbeat-interval-ms")
    long heartbeatMs;

    @PostConstruct
    void start() {
        long every = Math.max(1, Math.min(60, idleSeconds / 2));
        sweepTask = scheduler.scheduleAtFixedRate(this::removeIdle, every, every, TimeUnit.SECONDS);
        heartbeatTask = scheduler.scheduleAtFixedRate(this::heartbeat, heartbeatMs, heartbeatMs,
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        sweepTask.cancel(false);
        heartbeatTask.cancel(false);
    }

    public Subscription create(String organizationId, List<String> campaignIds) {
        Mailbox mailbox = new Mailbox(maxQueueSize);
        ClientChannel channel = hub.open(organizationId, UpdateAudience.INSTANCE, mailbox);
        if (campaignIds.isEmpty()) {
            hub.subscribe(channel, Topic.campaign(organizationId, Topic.ALL_CAMPAIGNS));
        } else {
            campaignIds.forEach(c -> hub.subscribe(channel, Topic.campaign(organizationId, c)));
        }
        Subscription s = new Subscription("sub_" + UUID.randomUUID(), organizationId, List.copyOf(campaignIds),
                Instant.now(), channel, mailbox);
        subscriptions.put(s.id(), s);
        return s;
    }

    public Optional<Subscription> find(String id) {
        return Optional.ofNullable(id).map(subscriptions::get).filter(this::live);
    }

    /** Whether the subscription's channel is open; one the hub closed is forgotten. */
    private boolean live(Subscription s) {
        if (!s.channel().isClosed()) {
            return true;
        }
        subscriptions.remove(s.id(), s);
        return false;
    }

    public boolean remove(String id) {
        Subscription s = id == null ? null : subscriptions.remove(id);
        if (s == null) {
            return false;
        }
        s.channel().close("unsubscribed");
        return true;
    }

    /** Takes the waiting updates (texts of {@code update} messages), oldest first. */
    public List<String> poll(Subscription s) {
        s.channel().touch();
        return s.mailbox().drain().stream().map(Outbound::text).toList();
    }

    /** Attaches an SSE stream: what waited is sent first, then live updates. */
    public void stream(Subscription s, SseEventSink sink, Sse sse) {
        s.channel().touch();
        s.mailbox().attach(new SseTransport(sink, sse, hub.executor()));
    }

    /**
     * The figures of the document's {@code getStats()}.
     *
     * @param workspaceId the only workspace counted, or null for all (operators)
     */
    public Stats stats(String workspaceId) {
        Map<String, Integer> byOrganization = new TreeMap<>();
        long queued = 0;
        int active = 0;
        for (Subscription s : subscriptions.values()) {
            if (workspaceId != null && !workspaceId.equals(s.organizationId()) || !live(s)) {
                continue;
            }
            active++;
            byOrganization.merge(s.organizationId(), 1, Integer::sum);
            queued += s.mailbox().size() + s.channel().queued();
        }
        return new Stats(active, queued, byOrganization);
    }

    void heartbeat() {
        for (Subscription s : subscriptions.values()) {
            if (s.mailbox().streaming()) {
                s.channel().offer(Mailbox.HEARTBEAT);
            }
        }
    }

    void removeIdle() {
        long now = System.nanoTime();
        for (Subscription s : List.copyOf(subscriptions.values())) {
            if (s.mailbox().streaming()) {
                s.channel().touch();
            } else if (s.channel().idleNanos(now) > TimeUnit.SECONDS.toNanos(idleSeconds)) {
                remove(s.id());
            }
        }
    }

    /** One subscription; {@code id} is what the client sends back. */
    public record Subscription(String id, String organizationId, List<String> campaignIds, Instant createdAt,
                               ClientChannel channel, Mailbox mailbox) {
    }

    public record Stats(int activeSubscriptions, long totalQueuedUpdates,
                        Map<String, Integer> subscriptionsByOrganization) {
    }
}
