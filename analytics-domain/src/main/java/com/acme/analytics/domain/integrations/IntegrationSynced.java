package com.acme.analytics.domain.integrations;

/**
 * A sync of an integration ended on this instance (a CDI event, fired after its outcome was recorded), for the
 * integration socket's {@code analytics_update} or {@code error}.
 *
 * @param error null after a success, else the reason the sync failed (never credentials)
 */
public record IntegrationSynced(String workspaceId, long integrationId, String error) {

    public boolean succeeded() {
        return error == null;
    }
}
