package com.acme.analytics.realtime.live;

import java.util.Objects;

/**
 * A {@code notification} for a workspace's dashboards that is no stored event (an alert firing or resolving).
 *
 * @param workspaceId the workspace, or {@link #EVERY_WORKSPACE} for a condition of the whole system
 * @param data        the message's {@code data} as JSON text: id, title, message, severity, category, timestamp,
 *                    action_url, auto_dismiss
 * @param adminsOnly  whether only the dashboards of the workspace's admins get it (the system alerts)
 */
public record WorkspaceNotice(String workspaceId, String data, boolean adminsOnly) {

    /** The workspace of a notice for the admins of every workspace. */
    public static final String EVERY_WORKSPACE = "*";

    public WorkspaceNotice {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(data, "data");
    }

    /** A notice for every dashboard of the workspace that wants notifications. */
    public WorkspaceNotice(String workspaceId, String data) {
        this(workspaceId, data, false);
    }
}
