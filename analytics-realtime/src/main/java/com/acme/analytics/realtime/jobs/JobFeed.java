package com.acme.analytics.realtime.jobs;

import com.acme.analytics.domain.jobs.JobProgress;
import com.acme.analytics.domain.jobs.JobStates;
import com.acme.analytics.realtime.cluster.EventFeedSource;
import com.acme.analytics.realtime.cluster.RemoteJobProgress;
import com.acme.analytics.realtime.hub.ClientChannel;
import com.acme.analytics.realtime.hub.MessageWriter;
import com.acme.analytics.realtime.hub.Outbound;
import com.acme.analytics.realtime.hub.SubscriptionHub;
import com.acme.analytics.realtime.hub.Topic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns the states the jobs announce ({@link JobProgress}) into {@code job_update}, {@code job_complete} (with
 * {@code insights}) and {@code job_error} for the followers of the job's topic, and gives a follower who subscribes
 * the job's current state at once. Publishing and subscribing hold one lock, so that a new follower's first message
 * is never older than one it would otherwise have been sent, and its progress never goes back.
 */
@ApplicationScoped
public class JobFeed {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final int MAX_REMEMBERED = 10_000;

    @Inject
    SubscriptionHub hub;
    @Inject
    JobStates states;
    @Inject
    EventFeedSource cluster;
    private static final Logger LOG = Logger.getLogger(JobFeed.class.getName());

    /** The last state announced of recent jobs (without insights); guarded by this. */
    private final Map<Topic, JobProgress> latest = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Topic, JobProgress> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };

    void onProgress(@Observes JobProgress progress) {
        deliver(progress);
        cluster.announce(progress);
    }

    /** Another instance's job: a completion heard without its insights reads them when someone follows it here. */
    void onRemote(@Observes RemoteJobProgress remote) {
        JobProgress progress = remote.progress();
        if (progress.kind() == JobProgress.Kind.COMPLETE
                && hub.hasSubscribers(Topic.job(progress.workspaceId(), progress.jobId()))) {
            try {
                progress = states.current(progress.workspaceId(), progress.jobId()).orElse(progress);
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "Insights of job " + progress.jobId() + " unavailable", e);
            }
        }
        deliver(progress);
    }

    private void deliver(JobProgress progress) {
        Topic topic = Topic.job(progress.workspaceId(), progress.jobId());
        synchronized (this) {
            latest.put(topic, progress.withoutInsights());
            if (hub.hasSubscribers(topic)) {
                Outbound message = message(progress);
                hub.publish(topic, a -> a instanceof JobAudience ? message : null);
            }
        }
    }

    /**
     * Subscribes the channel to the job and queues its current state for it, after {@code ack} if not null.
     *
     * @return false when the channel's workspace has no such job (nothing subscribed)
     */
    boolean follow(ClientChannel channel, String jobId, String ack) throws SQLException {
        Optional<JobProgress> stored = states.current(channel.workspaceId(), jobId);
        if (stored.isEmpty()) {
            return false;
        }
        Topic topic = Topic.job(channel.workspaceId(), jobId);
        synchronized (this) {
            JobProgress known = latest.get(topic);
            JobProgress now = stored.get();
            // The database lags the announcements by up to half a second; a terminal state is stored first.
            if (known != null && !now.kind().terminal() && (known.kind() == JobProgress.Kind.ERROR
                    || known.progress() > now.progress())) {
                now = known;
            }
            hub.subscribe(channel, topic);
            if (ack != null) {
                channel.offer(Outbound.ordered("message", ack, 0));
            }
            channel.offer(message(now));
        }
        return true;
    }

    static Outbound message(JobProgress p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", p.kind().messageType());
        m.put("job_id", p.jobId());
        m.put("stage", p.stage());
        m.put("progress", p.progress());
        m.put("message", p.message());
        if (p.kind() == JobProgress.Kind.COMPLETE) {
            m.put("insights", insights(p.insightsJson()));
        }
        m.put("timestamp", p.at().getEpochSecond());
        return Outbound.ordered(p.kind().messageType(), MessageWriter.toJson(m), 0);
    }

    private static JsonValue insights(String json) {
        if (json == null) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
