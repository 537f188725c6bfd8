package com.acme.analytics.realtime.cluster;

import com.acme.analytics.domain.jobs.JobProgress;

/** A job's state announced by another instance (CDI event, fired on the feed's listening thread). */
public record RemoteJobProgress(JobProgress progress) {
}
