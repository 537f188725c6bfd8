package com.acme.analytics.realtime.integrations;

import com.acme.analytics.realtime.hub.Audience;

/** Clients of the integration socket: they receive {@code analytics_update} and heartbeats. */
record IntegrationAudience() implements Audience {

    static final IntegrationAudience INSTANCE = new IntegrationAudience();

    @Override
    public boolean heartbeats() {
        return true;
    }
}
