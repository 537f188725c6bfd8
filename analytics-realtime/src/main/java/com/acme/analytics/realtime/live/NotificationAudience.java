package com.acme.analytics.realtime.live;

/** A client that may be sent {@link WorkspaceNotice}s: the dashboards. */
public interface NotificationAudience {

    /** Whether it asked for {@code notification} messages. */
    boolean notifications();

    /** Whether its credential administers the workspace, so that it gets the system alerts too. */
    default boolean administers() {
        return false;
    }
}
