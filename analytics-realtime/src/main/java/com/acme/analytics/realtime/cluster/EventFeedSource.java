package com.acme.analytics.realtime.cluster;

import com.acme.analytics.domain.database.DirectConnections;
import com.acme.analytics.domain.events.EventsFlushed;
import com.acme.analytics.domain.integrations.IntegrationSynced;
import com.acme.analytics.domain.jobs.JobProgress;
import com.acme.analytics.metrics.RemoteEvents;
import com.acme.analytics.realtime.live.LiveDispatcher;
import com.acme.analytics.realtime.live.Notifications;
import com.acme.analytics.realtime.live.WorkspaceNotice;
import com.acme.analytics.realtime.startup.WebModuleStarted;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts the configured {@link EventFeed} with the application and hands it every flush: {@code postgres} (the
 * default, needed as soon as more than one instance shares the database) or {@code local}.
 */
@ApplicationScoped
public class EventFeedSource {

    private EventFeed feed;

    @Resource
    ManagedThreadFactory threads;
    @Inject
    LiveDispatcher dispatcher;
    @Inject
    RemoteEvents remoteEvents;
    @Inject
    Notifications notifications;
    @Inject
    @ConfigProperty(name = "analytics.realtime.cluster-feed")
    FeedKind kind;
    @Inject
    @ConfigProperty(name = "analytics.realtime.outbox-retention-seconds")
    long outboxRetentionSeconds;
    @Inject
    DirectConnections connections;
    @Inject
    Event<RemoteJobProgress> remoteJobs;
    @Inject
    Event<RemoteIntegrationSync> remoteSyncs;

    @PostConstruct
    void start() {
        switch (kind) {
            case LOCAL -> feed = new LocalEventFeed(dispatcher);
            case POSTGRES -> {
                PostgresEventFeed postgres = new PostgresEventFeed(connections, outboxRetentionSeconds, threads,
                        dispatcher::dispatch, remoteEvents, p -> remoteJobs.fire(new RemoteJobProgress(p)),
                        s -> remoteSyncs.fire(new RemoteIntegrationSync(s)), notifications::deliver);
                postgres.start();
                feed = postgres;
            }
        }
    }

    /** Starts listening when the application starts, not at the first flush. */
    void onStart(@Observes WebModuleStarted started) {
        // Observing the start is enough: it instantiates this bean, whose @PostConstruct starts the feed.
    }

    void onFlush(@ObservesAsync EventsFlushed flushed) {
        feed.publish(flushed.events());
    }

    /** A job's state, for the followers on the other instances (this one's were told already). */
    public void announce(JobProgress progress) {
        feed.announce(progress.withoutInsights());
    }

    /** A sync that ended here, for its clients on the other instances (this one's hear of it directly). */
    void onSynced(@Observes IntegrationSynced sync) {
        feed.announce(sync);
    }

    /**
     * A notification to a workspace's dashboards on every instance: delivered here, and announced to the others,
     * which deliver it to theirs. Sent by one instance (the one that claimed its delivery), hence once.
     */
    public void announce(WorkspaceNotice notice) {
        notifications.deliver(notice);
        feed.announce(notice);
    }

    @PreDestroy
    void stop() {
        feed.close();
    }
}
