/** Segment's tracking API, read into events, so that Segment's SDKs can send here unchanged. */
package com.acme.analytics.ingest.segment;
