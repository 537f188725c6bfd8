package com.acme.analytics.realtime.live;

import com.acme.analytics.realtime.hub.Outbound;
import com.acme.analytics.realtime.hub.SubscriptionHub;
import com.acme.analytics.realtime.hub.Topic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Delivers {@link WorkspaceNotice}s to this instance's clients of the workspace that want notifications, as 004's
 * {@code {"type": "notification", "data": ..., "timestamp"}}. In order, never coalesced: each is its own news.
 */
@ApplicationScoped
public class Notifications {

    @Inject
    SubscriptionHub hub;

    public void deliver(WorkspaceNotice notice) {
        String message = "{\"type\":\"notification\",\"data\":" + notice.data() + ",\"timestamp\":"
                + System.currentTimeMillis() + "}";
        Outbound out = Outbound.ordered("notification", message, 0);
        hub.publish(Topic.workspace(notice.workspaceId()),
                a -> a instanceof NotificationAudience n && n.notifications() ? out : null);
    }
}
