/**
 * Job progress over {@code /ws} ({@code subscribe_job}) and {@code /ws/job/{job_id}}: {@code job_update},
 * {@code job_complete}, {@code job_error}, fed by the states the CSV analysis jobs announce
 * ({@link com.acme.analytics.domain.jobs.JobProgress}). A follower gets the job's current state at once; a job id
 * the caller's workspace does not have is answered "Job not found".
 */
package com.acme.analytics.realtime.jobs;
