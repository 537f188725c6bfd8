package com.acme.analytics.realtime.live;

import com.acme.analytics.domain.campaigns.RealTimeMetrics;
import com.acme.analytics.realtime.hub.Audience;
import com.acme.analytics.realtime.hub.Outbound;

/** An audience of campaign topics: it receives a campaign's metrics after each batch that touched it. */
public interface CampaignAudience extends Audience {

    Outbound campaign(String workspaceId, RealTimeMetrics metrics);
}
