package com.acme.analytics.realtime.monitor;

import com.acme.analytics.domain.health.SystemActivity;
import com.acme.analytics.domain.jobs.JobsOverview;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One sample of the system monitor, the body of {@code GET /api/system/monitor} and of {@code system_status}.
 * Figures that could not be read are null.
 *
 * @param status     {@code healthy}, {@code degraded} or {@code down} (see {@link MonitorStatus})
 * @param components {@code backend}, {@code database}, {@code analysis_workers}, {@code cluster_feed}, each with
 *                   its {@code status} ({@code up} / {@code down}) and figures
 */
public record MonitorSample(String status, Map<String, Object> components, Cpu cpu, Memory memory,
                            RequestWindow.Rates requests, Ingest ingest, Connections connections,
                            List<JobsOverview.JobSummary> activeJobs, List<SystemActivity> activity,
                            Instant timestamp) {

    /** The same sample with only one workspace's jobs and activities, and those of no workspace (the system's). */
    public MonitorSample forWorkspace(String workspaceId) {
        return new MonitorSample(status, components, cpu, memory, requests, ingest, connections,
                activeJobs.stream().filter(j -> workspaceId.equals(j.workspaceId())).toList(),
                activity.stream().filter(a -> a.workspaceId() == null || workspaceId.equals(a.workspaceId())).toList(), timestamp);
    }

    /** The figures without any workspace's jobs or activities: what every dashboard's {@code system_health} may show. */
    public MonitorSample systemOnly() {
        return new MonitorSample(status, components, cpu, memory, requests, ingest, connections, List.of(),
                activity.stream().filter(a -> a.workspaceId() == null).toList(), timestamp);
    }

    /**
     * @param process this JVM's share of the machine's CPU, 0-1, null when the JVM does not say
     * @param system  the whole machine's, 0-1
     */
    public record Cpu(Double process, Double system, int cores) {
    }

    /** @param rssMb resident set size from /proc/self/status, null where there is no such file */
    public record Memory(long heapUsedMb, long heapMaxMb, Long rssMb) {
    }

    /** @param bufferCapacity the most events the ingest buffer holds */
    public record Ingest(double eventsPerSecond, int bufferSize, int bufferCapacity, double flushLatencyMs) {
    }

    public record Connections(int websocket, int sse) {
    }
}
