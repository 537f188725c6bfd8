package com.acme.analytics.realtime.monitor;

import com.acme.analytics.domain.health.IngestFigures;
import com.acme.analytics.domain.health.SystemActivity;
import com.acme.analytics.domain.jobs.JobsOverview;
import com.acme.analytics.realtime.alerts.AlertEvaluation;
import com.acme.analytics.realtime.hub.ClientChannel;
import com.acme.analytics.realtime.hub.MessageWriter;
import com.acme.analytics.realtime.hub.Outbound;
import com.acme.analytics.realtime.hub.SubscriptionHub;
import com.acme.analytics.realtime.hub.Topic;
import com.acme.analytics.realtime.sse.SseTransport;
import com.acme.analytics.realtime.startup.WebModuleStarted;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Samples the system monitor's figures once every interval (whether anyone listens or not, so that a request never
 * waits on the database), keeps the latest, pushes it as {@code system_status} to the system topic's subscribers,
 * and keeps the last {@value #ACTIVITY} {@link SystemActivity}s. The database probe's transitions fire
 * {@code database_down} / {@code database_up}; an instance starting or stopping to listen on the cluster feed fires
 * {@code instance_joined} / {@code instance_left} ({@link FeedMembers}).
 */
@ApplicationScoped
public class SystemMonitor {

    private static final Logger LOG = Logger.getLogger(SystemMonitor.class.getName());
    static final int ACTIVITY = 50;
    private static final int PROBE_TIMEOUT_SECONDS = 2;
    /**
     * The cluster feed's listening connections (one per instance), named {@code analytics-live-listener:<origin>} in
     * pg_stat_activity: the origins listening, the connections and the active ones.
     */
    private static final String PROBE = "select string_agg(substr(application_name, 25), ',')"
            + " filter (where application_name like 'analytics-live-listener:%'),"
            + " count(*), count(*) filter (where state = 'active') from pg_stat_activity"
            + " where datname = current_database()";

    private final ActivityRing activity = new ActivityRing(ACTIVITY);
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long startedNanos = System.nanoTime();
    private ScheduledFuture<?> task;
    private volatile MonitorSample latest;
    /** Guarded by the single sampling thread of the schedule (ticks never overlap). */
    private Boolean databaseWasUp;
    private final FeedMembers members = new FeedMembers();
    private long lastStored = -1;
    private long lastTickNanos;
    private long samplerCpuNanos;

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Resource(lookup = "java:app/jdbc/analytics")
    DataSource dataSource;
    @Inject
    SubscriptionHub hub;
    @Inject
    RequestWindow requests;
    @Inject
    IngestFigures ingest;
    @Inject
    JobsOverview jobs;
    @Inject
    Event<SystemActivity> events;
    /** Each sample, for the system alerts ({@code SystemAlerts}), which judge it rather than sampling again. */
    @Inject
    Event<MonitorSample> sampled;
    @Inject
    AlertEvaluation alerts;
    @Inject
    @ConfigProperty(name = "analytics.realtime.monitor.interval-ms")
    long intervalMs;
    @Inject
    @ConfigProperty(name = "analytics.realtime.monitor.slow-database-ms")
    long slowDatabaseMs;
    @Inject
    @ConfigProperty(name = "analytics.realtime.cluster-feed")
    String clusterFeed;

    @PostConstruct
    void start() {
        task = scheduler.scheduleAtFixedRate(this::tick, 0, intervalMs, TimeUnit.MILLISECONDS);
    }

    void onStart(@Observes WebModuleStarted started) {
        // Observing the start instantiates the bean, whose @PostConstruct schedules the sampling.
    }

    /** Keeps every system activity, and pushes it to the monitor's live clients. */
    void onActivity(@Observes SystemActivity happened) {
        activity.add(happened);
        if (hub.hasSubscribers(Topic.system())) {
            String json = MessageWriter.toJson(Map.of("type", "activity", "data", happened));
            hub.publish(Topic.system(), a -> a instanceof SystemAudience s && (s.workspace() == null
                    || happened.workspaceId() == null || s.workspace().equals(happened.workspaceId()))
                    ? Outbound.ordered("activity", json, 0) : null);
        }
    }

    /** The latest sample, or one taken now before the first tick has run. */
    public MonitorSample latest() {
        MonitorSample sample = latest;
        return sample != null ? sample : sampleNow();
    }

    /** The latest sample, or null before the first tick; never waits. */
    public MonitorSample cached() {
        return latest;
    }

    void tick() {
        long cpuBefore = threads.getCurrentThreadCpuTime();
        try {
            latest = sampleNow();
            sampled.fire(latest);
            if (hub.hasSubscribers(Topic.system())) {
                MonitorSample sample = latest;
                Map<String, String> byWorkspace = new ConcurrentHashMap<>(); // written once per workspace
                hub.publish(Topic.system(), a -> a instanceof SystemAudience s
                        ? Outbound.latest("system_status", byWorkspace.computeIfAbsent(String.valueOf(s.workspace()),
                                w -> MessageWriter.toJson(Map.of("type", "system_status", "data", s.visible(sample)))),
                                "system_status") : null);
            }
        } catch (RuntimeException e) {
            // An escaping exception would cancel every later tick.
            LOG.log(Level.WARNING, "System monitor sample failed", e);
        } finally {
            samplerCpuNanos += threads.getCurrentThreadCpuTime() - cpuBefore;
        }
    }

    private synchronized MonitorSample sampleNow() {
        long now = System.currentTimeMillis();
        long nanos = System.nanoTime();
        Map<String, Object> components = new LinkedHashMap<>();
        Probe probe = probe();
        components.put("backend", backend(nanos));
        Map<String, Object> database = new LinkedHashMap<>();
        database.put("status", probe.latencyMs != null ? "up" : "down");
        database.put("latencyMs", probe.latencyMs);
        database.put("pool", probe.latencyMs == null ? null
                : Map.of("open", probe.connections, "active", probe.active));
        components.put("database", database);
        components.put("analysis_workers", workers());
        components.put("alerts", Map.of("status", alerts.running(Instant.ofEpochMilli(now)) ? "up" : "down",
                "rulesEvaluated", alerts.rulesEvaluated(), "evaluationCpuMs", alerts.evaluationCpuNanos() / 1_000_000));
        boolean feedUp = !"postgres".equalsIgnoreCase(clusterFeed) || probe.instances() > 0;
        components.put("cluster_feed", Map.of("status", feedUp ? "up" : "down", "kind", clusterFeed,
                "instances", probe.instances()));
        IngestFigures.Reading reading = ingest.read();
        double elapsed = lastTickNanos == 0 ? 0 : (nanos - lastTickNanos) / 1e9;
        double eventsPerSecond = lastStored < 0 || elapsed <= 0 ? 0 : (reading.stored() - lastStored) / elapsed;
        lastStored = reading.stored();
        lastTickNanos = nanos;
        transitions(probe);
        return new MonitorSample(MonitorStatus.derive(probe.latencyMs, slowDatabaseMs, reading.healthy(), feedUp),
                components, ProcessFigures.cpu(), ProcessFigures.memory(), requests.rates(now),
                new MonitorSample.Ingest(RequestWindow.round(eventsPerSecond), reading.buffered(),
                        reading.bufferCapacity(), RequestWindow.round(reading.flushLatencyMs())), connections(), activeJobs(),
                activity.latest(), Instant.ofEpochMilli(now));
    }

    private Map<String, Object> backend(long nanos) {
        double upSeconds = (nanos - startedNanos) / 1e9;
        Map<String, Object> backend = new LinkedHashMap<>();
        backend.put("status", "up");
        backend.put("uptimeSeconds", (long) upSeconds);
        // What the sampling itself costs, in percent of one core: it is meant to stay under 1.
        backend.put("samplerCpuPercent", RequestWindow.round(samplerCpuNanos / 1e7 / Math.max(upSeconds, 1)));
        return backend;
    }

    private Map<String, Object> workers() {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            JobsOverview.WorkerCounts counts = jobs.workers();
            out.put("status", "up");
            out.put("busy", counts.busy());
            out.put("idle", counts.idle());
            out.put("queued", counts.queued());
        } catch (SQLException e) {
            out.put("status", "down");
        }
        return out;
    }

    private List<JobsOverview.JobSummary> activeJobs() {
        try {
            return jobs.active(null);
        } catch (SQLException e) {
            return List.of();
        }
    }

    private MonitorSample.Connections connections() {
        int sse = 0;
        int websocket = 0;
        for (ClientChannel channel : hub.channels()) {
            if (channel.transport() instanceof SseTransport) {
                sse++;
            } else {
                websocket++;
            }
        }
        return new MonitorSample.Connections(websocket, sse);
    }

    private void transitions(Probe probe) {
        boolean up = probe.latencyMs != null;
        if (databaseWasUp != null && databaseWasUp != up) {
            events.fire(new SystemActivity(up ? SystemActivity.DATABASE_UP : SystemActivity.DATABASE_DOWN,
                    up ? "Database reachable again" : "Database unreachable", null, Instant.now()));
        }
        databaseWasUp = up;
        if (up && "postgres".equalsIgnoreCase(clusterFeed)) {
            members.observe(probe.origins, Instant.now()).forEach(events::fire);
        }
    }

    private Probe probe() {
        long t0 = System.nanoTime();
        try (Connection con = dataSource.getConnection(); Statement st = con.createStatement()) {
            st.setQueryTimeout(PROBE_TIMEOUT_SECONDS);
            try (ResultSet rs = st.executeQuery(PROBE)) {
                rs.next();
                double ms = RequestWindow.round((System.nanoTime() - t0) / 1e6);
                String origins = rs.getString(1);
                return new Probe(ms, origins == null ? Set.of() : Set.of(origins.split(",")), rs.getLong(2),
                        rs.getLong(3));
            }
        } catch (SQLException e) {
            return new Probe(null, Set.of(), 0, 0);
        }
    }

    @PreDestroy
    void stop() {
        task.cancel(false);
    }

    /** @param latencyMs round trip of connection and query, null when the database did not answer */
    private record Probe(Double latencyMs, Set<String> origins, long connections, long active) {

        int instances() {
            return origins.size();
        }
    }
}
