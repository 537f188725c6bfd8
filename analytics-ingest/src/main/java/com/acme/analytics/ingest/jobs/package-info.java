/**
 * CSV analysis jobs (the 002 document): uploads streamed to storage, a job queue in PostgreSQL claimed with
 * {@code FOR UPDATE SKIP LOCKED}, a bounded pool of workers, and the streaming profiler that writes the insights.
 */
package com.acme.analytics.ingest.jobs;
