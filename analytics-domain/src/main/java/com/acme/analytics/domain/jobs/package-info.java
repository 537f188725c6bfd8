/**
 * What the CSV analysis jobs (in analytics-ingest) tell the rest of the system, without the others depending on
 * ingest: {@link JobProgress}, the CDI event of every state a job announces (live delivery turns it into
 * {@code job_update}, {@code job_complete} and {@code job_error} on every instance); {@link JobStates}, a job's
 * current state for a follower who arrives late; {@link JobsOverview}, the active jobs and the workers for the system
 * monitor.
 */
package com.acme.analytics.domain.jobs;
