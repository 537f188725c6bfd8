package com.acme.analytics.realtime.hub;

/**
 * A message waiting for one client.
 *
 * @param at when it was queued ({@link System#nanoTime()}), for the send latency
 */
record Queued(Outbound message, long at) {
}
