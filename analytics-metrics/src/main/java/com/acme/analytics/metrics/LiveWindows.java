package com.acme.analytics.metrics;

import com.acme.analytics.domain.campaigns.CampaignViews;
import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.domain.metrics.Metric;
import com.acme.analytics.domain.metrics.MetricView;
import com.acme.analytics.domain.metrics.MetricWindow;
import com.acme.analytics.domain.metrics.MetricWindow.Interval;
import com.acme.analytics.domain.metrics.Subject;
import com.acme.analytics.domain.workspaces.WorkspaceViews;
import com.acme.analytics.domain.events.EventsFlushed;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The live windows: trailing windows up to {@code analytics.metrics.live-window-seconds} long, answered from
 * memory. Every event this instance stores is recorded as it is stored (before its request is answered, so a
 * client reads its own writes), after the dedupe (a duplicate is never recorded); events stored by other
 * instances come through {@link RemoteEvents}.
 *
 * <p>Memory answers a window only when it saw every event of it: one that starts after this instance started, and
 * after the cluster feed last listened again, by more than the allowed clock skew (an event stored before then may
 * be stamped up to that skew later). Until then, and whenever the feed is not listening, the engine reads the
 * stored events instead, so figures stay exact across restarts and outages.
 */
@ApplicationScoped
public class LiveWindows implements RemoteEvents {

    private static final Logger LOG = Logger.getLogger(LiveWindows.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();
    /** How often a workspace's old actors are dropped, in seconds. */
    private static final long TIDY_INTERVAL_SECONDS = 10;

    /** The metadata properties whose means the documents' views ask for; others are read from the database. */
    static final Set<String> TRACKED_PROPERTIES = Stream.of(CampaignViews.REAL_TIME, CampaignViews.DASHBOARD,
                    WorkspaceViews.STATS, WorkspaceViews.EVENT_COUNTS)
            .flatMap(v -> v.entries().stream())
            .map(MetricView.Entry::metric)
            .filter(Metric.Mean.class::isInstance)
            .map(m -> ((Metric.Mean) m).property())
            .collect(Collectors.toUnmodifiableSet());
    /** The tracked properties as they appear as keys in metadata text, to skip parsing an event without any. */
    private static final List<String> QUOTED_PROPERTIES = TRACKED_PROPERTIES.stream().map(p -> "\"" + p + "\"")
            .toList();

    @Inject
    @ConfigProperty(name = "analytics.metrics.live-window-seconds")
    long windowSeconds;
    @Inject
    @ConfigProperty(name = "analytics.ingest.max-future-skew-seconds")
    long futureSkewSeconds;

    Clock clock = Clock.systemUTC();
    /** The workspaces with events in the live window; one without is dropped at the next tidying. */
    private final Map<String, LiveWorkspace> workspaces = new ConcurrentHashMap<>();
    private volatile long tidiedAt = Long.MIN_VALUE;
    /** Windows starting at or after this second are whole in memory (epoch seconds). */
    private long trustedFrom;
    private boolean feedListening = true;

    @PostConstruct
    void start() {
        trustedFrom = now() + futureSkewSeconds + 1;
    }

    /** Whether memory answers this metric over this window now; the interval must end now. */
    public boolean answers(Metric metric, MetricWindow window, Interval interval) {
        if (!covers(window) || interval.to().getNano() != 0 || !supports(metric)) {
            return false;
        }
        synchronized (this) {
            return feedListening && interval.from().getEpochSecond() >= trustedFrom;
        }
    }

    /** Whether the window is a live one: trailing, whole seconds, no longer than memory holds. */
    public boolean covers(MetricWindow window) {
        return windowSeconds > 0 && window instanceof MetricWindow.Trailing trailing
                && trailing.length().toSeconds() <= windowSeconds && trailing.length().toNanosPart() == 0;
    }

    /** Whether memory can compute the metric at all, trusted or not. */
    static boolean supports(Metric metric) {
        if (metric instanceof Metric.Distinct d) {
            return d.subject().kind() != Subject.Kind.PROPERTY;
        }
        if (metric instanceof Metric.Mean m) {
            return TRACKED_PROPERTIES.contains(m.property());
        }
        return metric instanceof Metric.Count || metric instanceof Metric.Sum
                || metric instanceof Metric.SingleEventSessions;
    }

    /**
     * The values of entries that all end at the same whole second, per group of the scope.
     *
     * @return empty when memory cannot answer them (users, sessions or bounces of a window ending before one already
     *         folded)
     */
    public Optional<Map<String, Map<String, Number>>> evaluate(MetricEngine.Scope scope,
                                                               List<MetricView.Entry> entries,
                                                               List<Interval> intervals) {
        List<LiveWorkspace.Request> requests = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            requests.add(new LiveWorkspace.Request(entries.get(i), intervals.get(i).from().getEpochSecond(),
                    intervals.get(i).to().getEpochSecond()));
        }
        LiveWorkspace workspace = workspaces.get(scope.workspaceId());
        return (workspace != null ? workspace : new LiveWorkspace(1)).evaluate(scope, requests);
    }

    /** Records the events this instance just stored, before their requests are answered. */
    void onStored(@Observes EventsFlushed flushed) {
        record(flushed.events());
    }

    @Override
    public void stored(List<TrackedEvent> events) {
        record(events);
    }

    @Override
    public synchronized void interrupted() {
        feedListening = false;
    }

    @Override
    public synchronized void listening(Instant since) {
        feedListening = true;
        trustedFrom = Math.max(trustedFrom, since.getEpochSecond() + futureSkewSeconds + 1);
    }

    private void record(List<TrackedEvent> events) {
        if (windowSeconds <= 0) {
            return;
        }
        long now = now();
        long oldest = now - windowSeconds - 1;
        try {
            Map<String, List<TrackedEvent>> byWorkspace = events.stream()
                    .filter(e -> e.occurredAt().getEpochSecond() >= oldest)
                    .collect(Collectors.groupingBy(TrackedEvent::workspaceId));
            // Recorded inside the map's update, so that tidying cannot drop a workspace while it is being recorded.
            byWorkspace.forEach((id, recorded) -> workspaces.compute(id, (k, workspace) -> {
                LiveWorkspace w = workspace != null ? workspace : new LiveWorkspace(ringSeconds());
                for (TrackedEvent e : recorded) {
                    w.record(e.occurredAt().getEpochSecond(), new LiveKey(e.campaignId(), e.eventType()),
                            e.value().micros(), properties(e.metadataJson()),
                            e.userId() != null ? e.userId() : e.sessionId(), e.sessionId());
                }
                // Without a reader, sightings waited for the next tidying: ten seconds of events in a priority
                // queue, folded in one go on the committer thread (a third of its time under batch load, measured).
                // A window asked from now on ends at the current second or one before, unless its request took
                // longer than that to come here; such a window is read from the database instead.
                w.settle(now - 1);
                return w;
            }));
            if (tidiedAt + TIDY_INTERVAL_SECONDS <= now) {
                tidiedAt = now;
                for (String id : workspaces.keySet()) {
                    workspaces.computeIfPresent(id, (k, w) -> w.tidy(now, oldest) ? w : null);
                }
            }
        } catch (RuntimeException failure) {
            // Some of these events may be missing from memory: windows reaching them are read from the database.
            synchronized (this) {
                trustedFrom = Math.max(trustedFrom, now + futureSkewSeconds + 1);
            }
            LOG.log(Level.WARNING, "Live windows could not record " + events.size()
                    + " events; the stored events answer until the windows have passed", failure);
        }
    }

    /** A slot per second of the longest window, of the skew ahead, and one each for its partial ends. */
    private int ringSeconds() {
        return Math.toIntExact(windowSeconds + futureSkewSeconds + 2);
    }

    /** The numeric tracked properties of an event, parsed only when it may carry one. */
    static Map<String, BigDecimal> properties(String metadataJson) {
        if (QUOTED_PROPERTIES.stream().noneMatch(metadataJson::contains)) {
            return Map.of();
        }
        Map<String, BigDecimal> out = new HashMap<>();
        try (JsonReader reader = JSON.createReader(new StringReader(metadataJson))) {
            JsonObject o = reader.readObject();
            for (String p : TRACKED_PROPERTIES) {
                if (o.get(p) instanceof JsonNumber n) {
                    out.put(p, n.bigDecimalValue());
                }
            }
        }
        return out;
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
