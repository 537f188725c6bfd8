package com.acme.analytics.realtime.jobs;

import com.acme.analytics.realtime.monitor.SystemAudience;

/** Clients of the job sockets: job messages and heartbeats. */
record JobAudience() implements SystemAudience {

    static final JobAudience INSTANCE = new JobAudience();

    @Override
    public boolean heartbeats() {
        return true;
    }
}
