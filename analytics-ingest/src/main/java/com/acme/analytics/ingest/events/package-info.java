/** Reading, validating and accepting events. */
package com.acme.analytics.ingest.events;
