/** What is kept and for how long: accepted event times, raw event partitions, the dedupe window. */
package com.acme.analytics.ingest.retention;
