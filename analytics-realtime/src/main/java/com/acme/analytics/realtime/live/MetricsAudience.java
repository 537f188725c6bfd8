package com.acme.analytics.realtime.live;

import com.acme.analytics.ingest.metrics.CampaignMetricsQuery.Dashboard;
import com.acme.analytics.realtime.hub.Audience;
import com.acme.analytics.realtime.hub.Outbound;

/** An audience of a workspace topic that receives the workspace's metrics after each batch that touched it. */
public interface MetricsAudience extends Audience {

    /** The coalesced update for these figures, or null when this audience wants none. */
    Outbound metrics(Dashboard dashboard);
}
