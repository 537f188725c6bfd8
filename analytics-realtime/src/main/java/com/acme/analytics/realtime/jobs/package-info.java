/**
 * Job progress over {@code /ws} ({@code subscribe_job}) and {@code /ws/job/{job_id}}: {@code job_update},
 * {@code job_complete}, {@code job_error}. Until the jobs themselves exist, progress is fed by ingested events
 * ({@code job.update}, {@code job.complete}, {@code job.error} with {@code jobId} in their properties), so that it
 * reaches clients on every instance. A job belongs to the workspace of its events, and a caller follows job ids
 * of its own workspace only.
 */
package com.acme.analytics.realtime.jobs;
