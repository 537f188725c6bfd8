package com.acme.analytics.realtime.monitor;

import com.acme.analytics.realtime.hub.Audience;

/** Clients that take {@code system_status} and {@code activity} messages when subscribed to the system topic. */
public interface SystemAudience extends Audience {

    /** The workspace whose jobs and activities this client sees (a workspace admin's), or null for every one. */
    String workspace();

    /** The sample as this client may see it. */
    default MonitorSample visible(MonitorSample sample) {
        return workspace() == null ? sample : sample.forWorkspace(workspace());
    }
}
