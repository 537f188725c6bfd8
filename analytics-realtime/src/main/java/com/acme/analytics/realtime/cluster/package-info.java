/**
 * Spreads stored events to every instance that shares the database, so that a client connected to any of them
 * receives every event once. PostgreSQL {@code LISTEN/NOTIFY} does it without anything vendor-specific, on
 * Payara and WildFly alike; a single instance may use the in-process feed.
 */
package com.acme.analytics.realtime.cluster;
