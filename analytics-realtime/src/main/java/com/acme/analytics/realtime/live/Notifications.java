package com.acme.analytics.realtime.live;

import com.acme.analytics.realtime.hub.Outbound;
import com.acme.analytics.realtime.hub.SubscriptionHub;
import com.acme.analytics.realtime.hub.Topic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Delivers {@link WorkspaceNotice}s to this instance's clients of the workspace that want notifications, as 004's
 * {@code {"type": "notification", "data": ..., "timestamp"}}. In order, never coalesced: each is its own news. A
 * notice for admins only reaches the clients whose credential administers the workspace; one for
 * {@link WorkspaceNotice#EVERY_WORKSPACE} goes to every workspace's.
 */
@ApplicationScoped
public class Notifications {

    @Inject
    SubscriptionHub hub;

    public void deliver(WorkspaceNotice notice) {
        String message = "{\"type\":\"notification\",\"data\":" + notice.data() + ",\"timestamp\":"
                + System.currentTimeMillis() + "}";
        Outbound out = Outbound.ordered("notification", message, 0);
        List<Topic> topics = WorkspaceNotice.EVERY_WORKSPACE.equals(notice.workspaceId())
                ? hub.topics(Topic.Kind.WORKSPACE) : List.of(Topic.workspace(notice.workspaceId()));
        for (Topic topic : topics) {
            hub.publish(topic, a -> a instanceof NotificationAudience n && n.notifications()
                    && (!notice.adminsOnly() || n.administers()) ? out : null);
        }
    }
}
