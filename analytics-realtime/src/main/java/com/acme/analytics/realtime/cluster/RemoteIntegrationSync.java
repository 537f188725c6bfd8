package com.acme.analytics.realtime.cluster;

import com.acme.analytics.domain.integrations.IntegrationSynced;

/** A provider sync that ended on another instance (CDI event, fired on the feed's listening thread). */
public record RemoteIntegrationSync(IntegrationSynced sync) {
}
