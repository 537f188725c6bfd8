package com.acme.analytics.realtime.cluster;

import com.acme.analytics.domain.database.DirectConnections;
import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.domain.integrations.IntegrationSynced;
import com.acme.analytics.domain.jobs.JobProgress;
import com.acme.analytics.metrics.RemoteEvents;
import com.acme.analytics.realtime.live.SequencedEvent;
import com.acme.analytics.realtime.live.WorkspaceNotice;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * The feed over PostgreSQL {@code LISTEN/NOTIFY}: a {@link FeedPublisher} that announces this instance's stored
 * events, a {@link FeedListener} that hears every instance's (this one's included) and delivers them, and between
 * them the wire format ({@link FeedCodec}) and this instance's events waiting to be heard back ({@link OwnEvents}).
 * Every instance delivers only what it hears, hence each event once. Both connections are the feed's own, outside
 * the container's pool ({@link DirectConnections}): the listening one is held for good.
 */
final class PostgresEventFeed implements EventFeed {

    static final String CHANNEL = "analytics_events";

    private final FeedPublisher publisher;
    private final FeedListener listener;
    private final NoticeSender notices;
    private final JobNotices jobs;
    private final IntegrationNotices integrations;
    private final WorkspaceNotices workspaces;

    /** @param outboxRetentionSeconds how long announced events stay readable for a listener that reconnects */
    PostgresEventFeed(DirectConnections connections, long outboxRetentionSeconds, ThreadFactory threads,
                      Consumer<List<SequencedEvent>> dispatcher, RemoteEvents remote,
                      Consumer<JobProgress> remoteJobs, Consumer<IntegrationSynced> remoteSyncs,
                      Consumer<WorkspaceNotice> remoteNotices) {
        String origin = Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);
        OwnEvents own = new OwnEvents();
        this.publisher = new FeedPublisher(connections, origin, outboxRetentionSeconds, own);
        this.notices = new NoticeSender(connections, "analytics-notices");
        this.jobs = new JobNotices(notices, origin);
        this.integrations = new IntegrationNotices(notices, origin);
        this.workspaces = new WorkspaceNotices(notices, origin);
        this.listener = new FeedListener(connections, origin, own, dispatcher, remote, threads, Map.of(
                JobNotices.CHANNEL, payload -> {
                    JobProgress heard = jobs.heard(payload);
                    if (heard != null) {
                        remoteJobs.accept(heard);
                    }
                },
                IntegrationNotices.CHANNEL, payload -> {
                    IntegrationSynced heard = integrations.heard(payload);
                    if (heard != null) {
                        remoteSyncs.accept(heard);
                    }
                },
                WorkspaceNotices.CHANNEL, payload -> {
                    WorkspaceNotice heard = workspaces.heard(payload);
                    if (heard != null) {
                        remoteNotices.accept(heard);
                    }
                }));
    }

    void start() {
        listener.start();
    }

    @Override
    public void publish(List<TrackedEvent> stored) {
        publisher.publish(stored);
    }

    @Override
    public void announce(JobProgress progress) {
        jobs.announce(progress);
    }

    @Override
    public void announce(IntegrationSynced sync) {
        integrations.announce(sync);
    }

    @Override
    public void announce(WorkspaceNotice notice) {
        workspaces.announce(notice);
    }

    @Override
    public void close() {
        listener.close();
        publisher.close();
        notices.close();
    }
}
