package com.acme.analytics.realtime.subscriptions;

import com.acme.analytics.domain.campaigns.RealTimeMetrics;
import com.acme.analytics.realtime.hub.MessageWriter;
import com.acme.analytics.realtime.hub.Outbound;
import com.acme.analytics.realtime.live.CampaignAudience;

import java.util.Map;

/**
 * Campaign subscriptions: {@code {"type":"update","data":{...}}} with a campaign's metrics, one waiting per
 * campaign (a newer replaces an older while it waits). SSE events of this contract have no name, so that the
 * browser's {@code onmessage} receives them.
 */
record UpdateAudience() implements CampaignAudience {

    static final UpdateAudience INSTANCE = new UpdateAudience();

    @Override
    public Outbound campaign(String workspaceId, RealTimeMetrics metrics) {
        Map<String, Object> data = Map.of("organizationId", workspaceId, "campaignId", metrics.campaignId(),
                "metrics", metrics);
        return new Outbound(null, MessageWriter.toJson(new Update("update", data, System.currentTimeMillis())),
                "campaign:" + metrics.campaignId(), 0);
    }

    /** The message of this contract. */
    public record Update(String type, Object data, long timestamp) {
    }
}
