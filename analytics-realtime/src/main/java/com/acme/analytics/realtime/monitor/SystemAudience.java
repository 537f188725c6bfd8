package com.acme.analytics.realtime.monitor;

import com.acme.analytics.realtime.hub.Audience;

/** Clients that take {@code system_status} and {@code activity} messages when subscribed to the system topic. */
public interface SystemAudience extends Audience {
}
