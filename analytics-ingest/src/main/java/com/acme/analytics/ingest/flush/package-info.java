/** The buffered write path: bounded buffer, batch flusher, event store and the flush notification. */
package com.acme.analytics.ingest.flush;
