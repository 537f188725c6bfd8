package com.acme.analytics.web.security;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.ingest.access.CurrentCaller;

import java.util.List;

/** Ingest takes events of the caller's own workspace only: one foreign event refuses the whole request. */
public final class EventOwnership {

    private EventOwnership() {
    }

    /** @throws com.acme.analytics.ingest.access.AccessDenied 403 naming the first foreign event's field */
    public static void check(CurrentCaller caller, List<TrackedEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            String field = events.size() == 1 ? "event.organizationId" : "events[" + i + "].organizationId";
            caller.requireWorkspace(events.get(i).workspaceId(), field);
        }
    }
}
