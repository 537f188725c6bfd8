package com.acme.analytics.metrics;

/**
 * What the live figures are kept per, within a workspace.
 *
 * @param campaignId the campaign, or null for events outside campaigns
 * @param eventType  the event type
 */
record LiveKey(String campaignId, String eventType) {
}
