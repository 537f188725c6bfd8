package com.acme.analytics.realtime.live;

import com.acme.analytics.realtime.hub.Audience;
import com.acme.analytics.realtime.hub.Outbound;

/** An audience of a workspace topic that receives (some) events, each as its contract writes it. */
public interface EventAudience extends Audience {

    /** The message for this event, or null when this audience does not want it. */
    Outbound event(SequencedEvent event);
}
