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

    /**
     * Whether {@link #metrics} can answer anything but null. When no audience of a topic does, the feed neither
     * queries the figures nor walks the topic's clients: at 10,000 clients that want events only, that walk and
     * those queries after every batch cost more CPU than sending the events (bench/fanout, JFR).
     */
    boolean wantsMetrics();
}
