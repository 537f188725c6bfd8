package com.acme.analytics.realtime.live;

import java.util.Objects;

/**
 * A {@code notification} for a workspace's dashboards that is no stored event (an alert firing or resolving).
 *
 * @param data the message's {@code data} as JSON text: id, title, message, severity, category, timestamp,
 *             action_url, auto_dismiss
 */
public record WorkspaceNotice(String workspaceId, String data) {
    public WorkspaceNotice {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(data, "data");
    }
}
