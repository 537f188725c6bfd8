/** Scheduling, leases, retries and storage of provider syncs. */
package com.acme.analytics.ingest.sync.schedule;
