/** Buffered events the database refused, kept for the workspace's admins; never retried. */
package com.acme.analytics.ingest.deadletters;
