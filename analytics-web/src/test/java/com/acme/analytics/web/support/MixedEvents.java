package com.acme.analytics.web.support;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A reproducible mix of campaign events: seven types over three campaigns, eleven sessions and some single-event
 * ones, some users, values and view durations, at times given as ages (late and out of order within each batch,
 * across minute and day boundaries), sent in two batches of which the second repeats ids already stored.
 */
public final class MixedEvents {

    private static final String[] TYPES = {"impression", "click", "conversion", "view", "engagement", "completion",
            "skip"};
    /** Ages spread over days: history, across minute and day boundaries. */
    public static final Duration[] DAYS = {Duration.ofSeconds(5), Duration.ofMinutes(40), Duration.ofSeconds(61),
            Duration.ofDays(3), Duration.ofHours(2), Duration.ofSeconds(1), Duration.ofMinutes(14),
            Duration.ofDays(1).plusMinutes(3), Duration.ofSeconds(299)};
    /**
     * Ages for live windows of 30 and 60 s, far enough from their edges for a test to take several seconds, with a
     * few older (late) events and one stamped 1.5 s ahead.
     */
    public static final Duration[] SECONDS = {Duration.ofSeconds(3), Duration.ofSeconds(7), Duration.ofSeconds(12),
            Duration.ofSeconds(18), Duration.ofSeconds(40), Duration.ofSeconds(44), Duration.ofMinutes(5),
            Duration.ofDays(2), Duration.ofMillis(-1500)};

    private final String workspaceId;
    private final String prefix;
    private final Instant now;
    private final int count;
    private final Duration[] ago;
    private final long spreadMillis;

    /**
     * @param prefix       of the event ids and campaigns, so that several sets may go to one workspace
     * @param now          events happen around it (see {@code ago}); whole milliseconds
     * @param ago          how long before now each event happened, cycled through
     * @param spreadMillis each event a little earlier than the one before
     */
    public MixedEvents(String workspaceId, String prefix, Instant now, int count, Duration[] ago, long spreadMillis) {
        this.workspaceId = workspaceId;
        this.prefix = prefix;
        this.now = now.truncatedTo(ChronoUnit.MILLIS);
        this.count = count;
        this.ago = ago;
        this.spreadMillis = spreadMillis;
    }

    public String type(int i) {
        return TYPES[i % TYPES.length];
    }

    public String campaign(int i) {
        return prefix + "c" + (i % 3);
    }

    /** Eleven sessions shared by most events, and a session of its own for every 25th (a bounce). */
    public String session(int i) {
        return i % 25 == 24 ? "solo" + i : "s" + (i % 11);
    }

    public Instant time(int i) {
        return now.minus(ago[i % ago.length]).minusMillis(spreadMillis * i);
    }

    /** The event with index i as the ingest contract's JSON. */
    public String event(int i) {
        String user = i % 4 == 0 ? ",\"userId\":\"u" + (i % 5) + "\"" : "";
        String duration = type(i).equals("view") ? ",\"duration\":" + (i % 13) : "";
        return "{\"eventId\":\"" + prefix + "e" + i + "\",\"eventType\":\"" + type(i) + "\",\"campaignId\":\"" + campaign(i)
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
