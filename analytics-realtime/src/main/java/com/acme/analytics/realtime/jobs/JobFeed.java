package com.acme.analytics.realtime.jobs;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.realtime.hub.MessageWriter;
import com.acme.analytics.realtime.hub.Outbound;
import com.acme.analytics.realtime.hub.SubscriptionHub;
import com.acme.analytics.realtime.hub.Topic;
import com.acme.analytics.realtime.live.EventProperties;
import com.acme.analytics.realtime.live.LiveEvents;
import com.acme.analytics.realtime.live.SequencedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns job events into the job messages of their job's topic, in order: {@code job.update} →
 * {@code job_update}, {@code job.complete} → {@code job_complete} (with {@code insights}), {@code job.error} →
 * {@code job_error}. {@code stage}, {@code progress} and {@code message} come from the event's properties. A job
 * belongs to the workspace of its events: only that workspace's clients follow it.
 */
@ApplicationScoped
public class JobFeed {

    @Inject
    SubscriptionHub hub;

    void onEvents(@Observes LiveEvents batch) {
        for (SequencedEvent e : batch.events()) {
            String type = messageType(e.event().eventType());
            if (type == null) {
                continue;
            }
            EventProperties props = EventProperties.of(e.event());
            String jobId = props.text("jobId", "job_id");
            if (jobId == null) {
                continue;
            }
            Topic topic = Topic.job(e.event().workspaceId(), jobId);
            if (!hub.hasSubscribers(topic)) {
                continue;
            }
            Outbound message = message(type, jobId, e.event(), props);
            hub.publish(topic, a -> a instanceof JobAudience ? message : null);
        }
    }

    static String messageType(String eventType) {
        return switch (eventType) {
            case "job.update", "job_update" -> "job_update";
            case "job.complete", "job_complete" -> "job_complete";
            case "job.error", "job_error" -> "job_error";
            default -> null;
        };
    }

    private static Outbound message(String type, String jobId, TrackedEvent e, EventProperties props) {
        boolean complete = type.equals("job_complete");
        boolean error = type.equals("job_error");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("job_id", jobId);
        m.put("stage", orElse(props.text("stage"), complete ? "insights_ready" : error ? "error" : "processing"));
        m.put("progress", props.number("progress", complete ? 100 : 0));
        m.put("message", orElse(props.text("message"), ""));
        if (complete) {
            JsonValue insights = props.value("insights");
            m.put("insights", insights != null ? insights : JsonValue.EMPTY_JSON_OBJECT);
        }
        m.put("timestamp", e.occurredAt().getEpochSecond());
        return Outbound.ordered(type, MessageWriter.toJson(m), 0);
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
