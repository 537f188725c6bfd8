package com.acme.analytics.web.support;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A reproducible mix of campaign events: seven types over three campaigns, eleven sessions, some users, values and
 * view durations, at times spread from days ago to seconds ago (so late and out-of-order within each batch, and
 * across minute and day boundaries), sent in two batches of which the second repeats ids already stored.
 */
public final class MixedEvents {

    private static final String[] TYPES = {"impression", "click", "conversion", "view", "engagement", "completion",
            "skip"};
    /** How long before "now" each event happened, cycled through. */
    private static final Duration[] AGO = {Duration.ofSeconds(5), Duration.ofMinutes(40), Duration.ofSeconds(61),
            Duration.ofDays(3), Duration.ofHours(2), Duration.ofSeconds(1), Duration.ofMinutes(14),
            Duration.ofDays(1).plusMinutes(3), Duration.ofSeconds(299)};

    private final String workspaceId;
    private final Instant now;
    private final int count;

    /** @param now events happen before it; whole milliseconds */
    public MixedEvents(String workspaceId, Instant now, int count) {
        this.workspaceId = workspaceId;
        this.now = now.truncatedTo(ChronoUnit.MILLIS);
        this.count = count;
    }

    public String type(int i) {
        return TYPES[i % TYPES.length];
    }

    public String campaign(int i) {
        return "c" + (i % 3);
    }

    public String session(int i) {
        return "s" + (i % 11);
    }

    public Instant time(int i) {
        return now.minus(AGO[i % AGO.length]).minusMillis(137L * i);
    }

    /** The event with index i as the ingest contract's JSON. */
    public String event(int i) {
        String user = i % 4 == 0 ? ",\"userId\":\"u" + (i % 5) + "\"" : "";
        String duration = type(i).equals("view") ? ",\"duration\":" + (i % 13) : "";
        return "{\"eventId\":\"e" + i + "\",\"eventType\":\"" + type(i) + "\",\"campaignId\":\"" + campaign(i)
                + "\",\"organizationId\":\"" + workspaceId + "\",\"timestamp\":\"" + time(i) + "\",\"value\":"
                + (i % 5) + ".25,\"metadata\":{\"sessionId\":\"" + session(i) + "\"" + user + duration + "}}";
    }

    /** The first batch: every event, the first one twice. */
    public String firstBatch() {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(event(i));
        }
        events.add(event(0));
        return "{\"events\":[" + String.join(",", events) + "]}";
    }

    /** The second batch: the first ten events again (all duplicates). */
    public String repeatedBatch() {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(event(i));
        }
        return "{\"events\":[" + String.join(",", events) + "]}";
    }

    /** Events of a type in campaign c at or after from, before to. */
    public long count(String type, String campaign, Instant from, Instant to) {
        long n = 0;
        for (int i = 0; i < count; i++) {
            if (type(i).equals(type) && campaign(i).equals(campaign) && !time(i).isBefore(from)
                    && time(i).isBefore(to)) {
                n++;
            }
        }
        return n;
    }

    /** Distinct sessions of campaign c between from and to. */
    public long sessions(String campaign, Instant from, Instant to) {
        Set<String> s = new HashSet<>();
        for (int i = 0; i < count; i++) {
            if (campaign(i).equals(campaign) && !time(i).isBefore(from) && time(i).isBefore(to)) {
                s.add(session(i));
            }
        }
        return s.size();
    }
}
