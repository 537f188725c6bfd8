package com.acme.analytics.metrics;

import java.util.Objects;

/**
 * What the live figures are kept per, within a workspace.
 *
 * @param campaignId the campaign, or null for events outside campaigns
 * @param eventType  the event type
 */
record LiveKey(String campaignId, String eventType) {

    /*
     * Written out because a record's generated equals and hashCode go through method handles that the JIT did not
     * flatten here: two thirds of the live windows' time on the committer thread was spent in them (JFR, batch
     * ingest), as every stored event looks its key up in several maps.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof LiveKey k && Objects.equals(campaignId, k.campaignId) && Objects.equals(eventType, k.eventType);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(campaignId) + Objects.hashCode(eventType);
    }
}
