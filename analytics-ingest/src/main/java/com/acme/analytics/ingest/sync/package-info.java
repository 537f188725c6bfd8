/**
 * Provider sync: integrations with Google Analytics 4, Mixpanel, Amplitude, Segment and custom HTTP sources,
 * synced on EJB timers under a lease in PostgreSQL, stored idempotently and pushed over the integration socket.
 */
package com.acme.analytics.ingest.sync;
