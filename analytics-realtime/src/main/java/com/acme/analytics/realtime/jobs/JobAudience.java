package com.acme.analytics.realtime.jobs;

import com.acme.analytics.access.Caller;
import com.acme.analytics.access.Permission;
import com.acme.analytics.realtime.monitor.SystemAudience;
import jakarta.websocket.Session;

/** Clients of the job sockets: job messages and heartbeats. */
record JobAudience(String workspace) implements SystemAudience {

    /** A job socket's audience: an operator sees the monitor's every workspace, anyone else their own. */
    static JobAudience of(Session session, String workspaceId) {
        return new JobAudience(session.getUserPrincipal() instanceof Caller c
                && c.permissions().contains(Permission.OPERATE) ? null : workspaceId);
    }

    @Override
    public boolean heartbeats() {
        return true;
    }
}
