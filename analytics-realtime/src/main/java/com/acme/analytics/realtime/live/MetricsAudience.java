package com.acme.analytics.realtime.live;

import com.acme.analytics.realtime.hub.Audience;
import com.acme.analytics.realtime.hub.MetricCategory;
import com.acme.analytics.realtime.hub.Outbound;

import java.util.Set;

/** An audience of a workspace topic that receives the workspace's metrics after each batch that touched it. */
public interface MetricsAudience extends Audience {

    /** The coalesced update for these figures, or null when this audience wants none. */
    Outbound metrics(WorkspaceFigures figures);

    /** The categories whose figures this audience shows. */
    Set<MetricCategory> categories();
}
