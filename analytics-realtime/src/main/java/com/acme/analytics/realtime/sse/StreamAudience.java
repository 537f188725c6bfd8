package com.acme.analytics.realtime.sse;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.realtime.hub.MessageWriter;
import com.acme.analytics.realtime.hub.Outbound;
import com.acme.analytics.realtime.live.EventAudience;
import com.acme.analytics.realtime.live.EventProperties;
import com.acme.analytics.realtime.live.SequencedEvent;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The workspace SSE stream: an {@code event} for each tracked event of the workspace. */
record StreamAudience() implements EventAudience {

    static final StreamAudience INSTANCE = new StreamAudience();

    @Override
    public Outbound event(SequencedEvent sequenced) {
        TrackedEvent e = sequenced.event();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("eventId", e.eventId());
        data.put("eventType", e.eventType());
        data.put("userId", e.userId());
        data.put("sessionId", e.sessionId());
        data.put("campaignId", e.campaignId());
        data.put("eventData", EventProperties.of(e).json());
        data.put("sequence", sequenced.sequence());
        data.put("timestamp", e.occurredAt());
        return Outbound.ordered("event", MessageWriter.toJson(data), sequenced.sequence());
    }

    /** The data of the {@code ping} event. */
    record Ping(long timestamp) {
    }

    /** The data of the {@code connected} event. */
    record Connected(String connectionId, String workspaceId, Instant timestamp) {
    }
}
