package com.acme.analytics.domain.workspaces;

import com.acme.analytics.domain.metrics.EventFilter;
import com.acme.analytics.domain.metrics.Metric;
import com.acme.analytics.domain.metrics.MetricView;
import com.acme.analytics.domain.metrics.MetricWindow;
import com.acme.analytics.domain.metrics.Subject;

import java.time.Duration;
import java.time.ZoneOffset;

/** The workspace live stats, as metric definitions; the README says what each counts. */
public final class WorkspaceViews {

    /** "Today" of the stats; per-workspace time zones are not configurable yet. */
    public static final MetricWindow TODAY = new MetricWindow.Today(ZoneOffset.UTC);

    private static final MetricWindow LAST_5_MINUTES = new MetricWindow.Trailing(Duration.ofMinutes(5));
    private static final MetricWindow LAST_15_MINUTES = new MetricWindow.Trailing(Duration.ofMinutes(15));
    private static final MetricWindow LAST_HOUR = new MetricWindow.Trailing(Duration.ofHours(1));
    private static final EventFilter MESSAGES = EventFilter.prefix("message.");

    /** The scalar figures of {@link WorkspaceStats}; every entry has its own window. */
    public static final MetricView STATS = MetricView.named("workspace stats")
            .add("activeUsers", new Metric.Distinct(Subject.USER, EventFilter.all()), LAST_15_MINUTES)
            .add("onlineUsers", new Metric.Distinct(Subject.USER, EventFilter.all()), LAST_5_MINUTES)
            .add("activeSessions", new Metric.Distinct(Subject.SESSION, EventFilter.all()), LAST_15_MINUTES)
            .add("messagesLastHour", new Metric.Count(MESSAGES), LAST_HOUR)
            .add("messagesToday", new Metric.Count(MESSAGES), TODAY)
            .add("activeChannels", new Metric.Distinct(Subject.property("channelId"), EventFilter.all()), LAST_HOUR)
            .add("activeOrchestrators", new Metric.Distinct(Subject.property("orchestratorId"), EventFilter.all()),
                    LAST_HOUR)
            .add("tasksStarted", new Metric.Distinct(Subject.property("taskId"), EventFilter.types("task.started")),
                    TODAY)
            .add("tasksFinished", new Metric.Distinct(Subject.property("taskId"),
                    EventFilter.types("task.completed", "task.failed")), TODAY)
            .add("tasksInProgress", new Metric.Difference("tasksStarted", "tasksFinished"))
            .build();

    /** Events per type today: evaluated per event type, it gives {@code eventCounts}. */
    public static final MetricView EVENT_COUNTS = MetricView.named("event counts")
            .add("events", new Metric.Count(EventFilter.all()), TODAY)
            .build();

    private WorkspaceViews() {
    }
}
