package com.acme.analytics.realtime.jobs;

import com.acme.analytics.realtime.hub.Audience;

/** Clients of the job sockets: job messages and heartbeats. */
record JobAudience() implements Audience {

    static final JobAudience INSTANCE = new JobAudience();

    @Override
    public boolean heartbeats() {
        return true;
    }
}
