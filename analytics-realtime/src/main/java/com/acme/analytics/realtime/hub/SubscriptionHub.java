package com.acme.analytics.realtime.hub;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one hub behind every push contract: clients ({@link ClientChannel}s over any {@link Transport}) subscribe
 * to {@link Topic}s; a publication is written once per distinct {@link Audience} among the topic's subscribers
 * and the same text is queued for each of them. The sends run on a few sender threads ({@link SenderThreads}),
 * never on the publisher's. A tick sends rate-limited updates when they fall due; a sweep disconnects lagging clients.
 */
@ApplicationScoped
public class SubscriptionHub {

    private static final Logger LOG = Logger.getLogger(SubscriptionHub.class.getName());
    private static final long TICK_MS = 10;
    /** Marks "nothing for this audience" among the written messages of a publication. */
    private static final Outbound NOTHING = Outbound.latest("", "", "");
    /** Distinct audiences kept for sharing; more are possible (entity types are the clients' words) but rare. */
    private static final int MAX_SHARED_AUDIENCES = 4096;

    private final Map<Topic, Set<ClientChannel>> subscribers = new ConcurrentHashMap<>();
    private final Set<ClientChannel> channels = ConcurrentHashMap.newKeySet();
    private final Set<ClientChannel> rateLimited = ConcurrentHashMap.newKeySet();
    private final Map<Audience, Audience> sharedAudiences = new ConcurrentHashMap<>();
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private HubSettings settings;
    private Outbound laggingNotice;

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Resource
    ManagedThreadFactory threads;
    private ExecutorService executor;
    private SenderThreads senders;
    @Inject
    HubMetrics metrics;
    @Inject
    @ConfigProperty(name = "analytics.realtime.queue-capacity")
    int queueCapacity;
    @Inject
    @ConfigProperty(name = "analytics.realtime.max-updates-per-second")
    int maxUpdatesPerSecond;
    @Inject
    @ConfigProperty(name = "analytics.realtime.lag-grace-ms")
    long lagGraceMs;
    @Inject
    @ConfigProperty(name = "analytics.realtime.send-timeout-ms")
    long sendTimeoutMs;
    @Inject
    @ConfigProperty(name = "analytics.realtime.sender-threads")
    int senderThreads;
    @Inject
    @ConfigProperty(name = "analytics.realtime.grizzly-sender-threads")
    boolean grizzlySenderThreads;

    @PostConstruct
    void start() {
        settings = HubSettings.of(queueCapacity, maxUpdatesPerSecond, lagGraceMs, sendTimeoutMs);
        // Its own threads, not the server's shared pool: a client that does not read may hold one until its
        // connection is closed, and must not starve the others.
        executor = Executors.newCachedThreadPool(threads);
        senders = new SenderThreads(senderThreads, GrizzlyWorkerThreads.orManaged(threads, grizzlySenderThreads));
        senders.start();
        laggingNotice = Outbound.latest("error", MessageWriter.toJson(new LaggingNotice()), "lagging");
        metrics.gauges(channels::size, () -> channels.stream().mapToLong(ClientChannel::queued).sum());
        tasks.add(scheduler.scheduleAtFixedRate(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS));
        tasks.add(scheduler.scheduleAtFixedRate(this::sweep, 1, 1, TimeUnit.SECONDS));
    }

    @PreDestroy
    void stop() {
        tasks.forEach(t -> t.cancel(false));
        List.copyOf(channels).forEach(c -> c.close("shutdown"));
        senders.stop();
        executor.shutdown();
    }

    /**
     * Registers a client; it receives nothing until it subscribes to a topic or is offered a message directly.
     *
     * @param workspaceId the tenant the client connected for, null for none
     */
    public ClientChannel open(String workspaceId, Audience audience, Transport transport) {
        ClientChannel channel = new ClientChannel(UUID.randomUUID().toString(), workspaceId, audience, transport,
                settings, metrics, laggingNotice, senders.assign(), rateLimited::add, this::forget);
        channels.add(channel);
        return channel;
    }

    public void subscribe(ClientChannel channel, Topic topic) {
        if (channel.isClosed()) {
            return;
        }
        channel.topics().add(topic);
        subscribers.computeIfAbsent(topic, t -> ConcurrentHashMap.newKeySet()).add(channel);
    }

    public void unsubscribe(ClientChannel channel, Topic topic) {
        channel.topics().remove(topic);
        subscribers.computeIfPresent(topic, (t, set) -> {
            set.remove(channel);
            return set.isEmpty() ? null : set;
        });
    }

    public void unsubscribeAll(ClientChannel channel) {
        for (Topic topic : Set.copyOf(channel.topics())) {
            unsubscribe(channel, topic);
        }
    }

    private void forget(ClientChannel channel) {
        unsubscribeAll(channel);
        channels.remove(channel);
        rateLimited.remove(channel);
    }

    /**
     * Publishes to a topic's subscribers. {@code render} is called once per distinct audience among them and may
     * answer null (nothing for that audience); each text is shared by every client of the audience.
     *
     * @return the number of clients the message was queued for
     */
    public int publish(Topic topic, Function<Audience, Outbound> render) {
        Set<ClientChannel> set = subscribers.get(topic);
        if (set == null || set.isEmpty()) {
            return 0;
        }
        // By identity: audiences are shared instances (see shared()), and hashing a record of sets for every event
        // published (5,000 a second in bench/alerts) was most of the live dispatcher's own samples.
        Map<Audience, Outbound> written = new IdentityHashMap<>();
        Audience previous = null;
        Outbound message = null;
        int queued = 0;
        for (ClientChannel channel : set) {
            Audience audience = channel.audience();
            if (audience != previous) {
                message = written.computeIfAbsent(audience, a -> orNothing(render.apply(a)));
                previous = audience;
            }
            if (message != NOTHING && channel.offer(message)) {
                queued++;
            }
        }
        return queued;
    }

    /**
     * The one instance of the audiences equal to this one, so that a publication to thousands of clients finds
     * their message by identity.
     */
    @SuppressWarnings("unchecked")
    public <A extends Audience> A shared(A audience) {
        Audience known = sharedAudiences.get(audience);
        if (known != null) {
            return (A) known;
        }
        if (sharedAudiences.size() >= MAX_SHARED_AUDIENCES) {
            return audience;
        }
        return (A) sharedAudiences.computeIfAbsent(audience, a -> a);
    }

    private static Outbound orNothing(Outbound o) {
        return o == null ? NOTHING : o;
    }

    /** The clients subscribed to a topic now. */
    public Set<ClientChannel> subscribers(Topic topic) {
        return Set.copyOf(subscribers.getOrDefault(topic, Set.of()));
    }

    /**
     * The distinct audiences among a topic's subscribers now, by identity: mostly a few {@link #shared} instances
     * however many clients hold them, found without copying the clients.
     */
    public Set<Audience> audiences(Topic topic) {
        Set<ClientChannel> set = subscribers.get(topic);
        if (set == null) {
            return Set.of();
        }
        Set<Audience> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        Audience previous = null;
        for (ClientChannel channel : set) {
            Audience audience = channel.audience();
            if (audience != previous) {
                distinct.add(audience);
                previous = audience;
            }
        }
        return distinct;
    }

    /** Whether anyone listens to the topic. */
    public boolean hasSubscribers(Topic topic) {
        Set<ClientChannel> set = subscribers.get(topic);
        return set != null && !set.isEmpty();
    }

    /** The topics that have subscribers, of one kind. */
    public List<Topic> topics(Topic.Kind kind) {
        return subscribers.keySet().stream().filter(t -> t.kind() == kind).toList();
    }

    /**
     * Runs the transports' work that may block (SSE writes, WebSocket pings) and the feeds' metric queries, never
     * on a publisher's thread. Use it rather than a ManagedExecutorService: that one captures the application's
     * context for every task, which on Payara scans every jar of the application.
     */
    public Executor executor() {
        return executor;
    }

    /** Every open client. */
    public Set<ClientChannel> channels() {
        return Set.copyOf(channels);
    }

    public int connections() {
        return channels.size();
    }

    void tick() {
        if (rateLimited.isEmpty()) {
            return;
        }
        for (ClientChannel channel : rateLimited) {
            rateLimited.remove(channel);
            channel.schedule();
        }
    }

    void sweep() {
        long now = System.nanoTime();
        for (ClientChannel channel : channels) {
            try {
                if (!channel.checkLagging(now) && !channel.transportOpen()) {
                    channel.close("closed");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Checking client " + channel.id() + " failed", e);
            }
        }
    }

    /**
     * The {@code error} a lagging client is sent: the dashboard envelope ({@code data.code}) with the code and
     * message also at the top level, where the integration contract reads them.
     */
    public record LaggingNotice(String type, String code, String message, MessageWriter.Problem data,
                                long timestamp) {
        LaggingNotice() {
            this("error", "lagging", MESSAGE, new MessageWriter.Problem("lagging", MESSAGE), System.currentTimeMillis());
        }

        private static final String MESSAGE = "the client does not read fast enough; it will be disconnected "
                + "and may resume from the last sequence it received";
    }
}
