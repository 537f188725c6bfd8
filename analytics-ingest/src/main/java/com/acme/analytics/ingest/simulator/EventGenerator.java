package com.acme.analytics.ingest.simulator;

import com.acme.analytics.domain.events.EventType;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Makes the events of one simulation as a partner system would send them to {@code POST /api/analytics/real-time}:
 * JSON objects of the ingest contract, each with its own id, for the real ingest path to validate and store.
 * Every event carries {@code metadata.simulated = true} and the person's session, user, device type, user agent and
 * city; clicks cost 0.20 to 3.00 (their {@code value}, which the metrics count as spend), conversions carry what was
 * bought in {@code metadata.conversionValue} (not in {@code value}: that would count as spend), views, completions
 * and skips how long was watched ({@code metadata.duration}, seconds). A share {@code errorRate} of the events is
 * deliberately invalid (one field broken, in turn), for ingest to refuse. Not thread-safe: one per simulation.
 */
public final class EventGenerator {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final String[] ENGAGEMENTS = {"hover", "expand", "unmute", "like", "share"};

    private final RandomGenerator random;
    private final Clock clock;
    private final String workspaceId;
    private final List<String> campaignIds;
    private final EventMix mix;
    private final double errorRate;
    private final String simulationId;
    private final Visitors visitors;
    private long made;
    private long broken;

    /**
     * @param errorRate the share of events made invalid on purpose, 0 to 1: exactly floor(n × rate) of the first n
     */
    public EventGenerator(RandomGenerator random, Clock clock, String simulationId, String workspaceId,
                          List<String> campaignIds, EventMix mix, double errorRate) {
        if (campaignIds.isEmpty()) {
            throw new IllegalArgumentException("a simulation needs a campaign");
        }
        this.random = random;
        this.clock = clock;
        this.simulationId = simulationId;
        this.workspaceId = workspaceId;
        this.campaignIds = List.copyOf(campaignIds);
        this.mix = mix;
        this.errorRate = errorRate;
        this.visitors = new Visitors(random, 500);
    }

    /** The next event of the mix, stamped now. */
    public JsonObject next() {
        Instant now = clock.instant();
        Visitors.Person p = visitors.next(now);
        JsonObject event = event(mix.draw(random), campaign(), p, now, 0);
        p.mayLeave(random);
        return event;
    }

    /** {@code count} events of the mix, stamped now. */
    public List<JsonObject> next(int count) {
        List<JsonObject> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(next());
        }
        return events;
    }

    /**
     * One newcomer's way through a campaign in one session: impression, view, engagement, click, conversion, with
     * the gaps a person takes (1-4 s to start the video, watching 8-30 s, 2-10 s to click, 20-120 s to buy). The
     * journey ends now, so its events are stamped in the last minutes (ingest refuses the future).
     */
    public List<JsonObject> journey() {
        String campaign = campaign();
        Visitors.Person p = visitors.newcomer();
        long toView = between(1, 4);
        long watched = between(8, 30);
        long toClick = between(2, 10);
        long toBuy = between(20, 120);
        Instant end = clock.instant();
        Instant conversion = end;
        Instant click = conversion.minusSeconds(toBuy);
        Instant engagement = click.minusSeconds(toClick);
        Instant view = engagement.minusSeconds(watched);
        Instant impression = view.minusSeconds(toView);
        p.visit(impression, random);
        List<JsonObject> events = new ArrayList<>(5);
        events.add(event(EventType.IMPRESSION, campaign, p, impression, 0));
        events.add(event(EventType.VIEW, campaign, p, view, watched));
        events.add(event(EventType.ENGAGEMENT, campaign, p, engagement, 0));
        events.add(event(EventType.CLICK, campaign, p, click, 0));
        events.add(event(EventType.CONVERSION, campaign, p, conversion, 0));
        return events;
    }

    /** People met so far. */
    public long people() {
        return visitors.created();
    }

    private JsonObject event(EventType type, String campaign, Visitors.Person p, Instant at, long watchedSeconds) {
        boolean invalid = Math.floor((made + 1) * errorRate + 1e-9) > Math.floor(made * errorRate + 1e-9);
        made++;
        JsonObjectBuilder metadata = JSON.createObjectBuilder()
                .add("simulated", true)
                .add("simulationId", simulationId)
                .add("sessionId", p.sessionId())
                .add("userId", p.userId)
                .add("deviceType", p.deviceType)
                .add("userAgent", p.userAgent)
                .add("location", p.location);
        JsonObjectBuilder event = JSON.createObjectBuilder()
                .add("eventId", Ids.of(random, "sim_", 20))
                .add("eventType", type.wireName())
                .add("campaignId", campaign)
                .add("organizationId", workspaceId)
                .add("timestamp", at.toString());
        switch (type) {
            case CLICK -> event.add("value", amount(20, 300));
            case VIEW -> metadata.add("duration", watchedSeconds > 0 ? watchedSeconds : between(3, 45));
            case COMPLETION -> metadata.add("duration", between(15, 60));
            case SKIP -> metadata.add("duration", between(1, 5)).add("position", between(5, 15));
            case ENGAGEMENT -> metadata.add("action", ENGAGEMENTS[random.nextInt(ENGAGEMENTS.length)]);
            case CONVERSION -> metadata.add("conversionValue", amount(1000, 25000)).add("currency", "USD");
            case IMPRESSION -> metadata.add("position", between(1, 4));
        }
        event.add("metadata", metadata);
        return invalid ? broken(event, broken++) : event.build();
    }

    /** One field broken, a different one in turn, as real clients get them wrong. */
    private JsonObject broken(JsonObjectBuilder event, long nth) {
        return switch ((int) (nth % 4)) {
            case 0 -> event.add("eventType", "sim_unknown_type").build();
            case 1 -> event.remove("campaignId").build();
            case 2 -> event.add("value", "not a number").build();
            default -> event.add("timestamp", clock.instant().plus(Duration.ofDays(1)).toString()).build();
        };
    }

    private String campaign() {
        return campaignIds.get(random.nextInt(campaignIds.size()));
    }

    private long between(long low, long high) {
        return low + random.nextLong(high - low + 1);
    }

    /** A random amount from {@code lowCents} to {@code highCents}, in currency units with two decimals. */
    private BigDecimal amount(long lowCents, long highCents) {
        return BigDecimal.valueOf(between(lowCents, highCents)).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY);
    }
}
