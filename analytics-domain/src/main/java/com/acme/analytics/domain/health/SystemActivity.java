package com.acme.analytics.domain.health;

import java.time.Instant;

/**
 * Something the system monitor's activity feed and the system alerts want to know, fired as a CDI event by whoever
 * saw it ({@code @Inject Event<SystemActivity>}). Observers must be quick: the firing thread waits for them.
 *
 * @param kind        what happened: one of the constants below
 * @param message     a sentence for people ("Job 3f2a... completed: 120,000 rows")
 * @param workspaceId the workspace it concerns, or null for the whole system
 * @param at          when it happened
 */
public record SystemActivity(String kind, String message, String workspaceId, Instant at) {

    public static final String JOB_STARTED = "job_started";
    public static final String JOB_COMPLETED = "job_completed";
    public static final String JOB_FAILED = "job_failed";
    public static final String INTEGRATION_SYNC_FAILED = "integration_sync_failed";
    public static final String INTEGRATION_SYNC_RECOVERED = "integration_sync_recovered";
    public static final String INSTANCE_JOINED = "instance_joined";
    public static final String INSTANCE_LEFT = "instance_left";
    public static final String DATABASE_DOWN = "database_down";
    public static final String DATABASE_UP = "database_up";
}
