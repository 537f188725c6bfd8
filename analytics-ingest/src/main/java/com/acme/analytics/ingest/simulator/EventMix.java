package com.acme.analytics.ingest.simulator;

import com.acme.analytics.domain.events.EventType;
import com.acme.analytics.domain.events.InvalidInputException;

import java.util.random.RandomGenerator;

/**
 * The shares of a simulation's event types, as the campaign document's options name them: {@code impressionRate},
 * {@code clickRate} and {@code conversionRate} are fractions of all events; what they leave (1 minus their sum)
 * goes to views, engagements, completions and skips, in the proportions a video campaign shows.
 */
public record EventMix(double impressionRate, double clickRate, double conversionRate) {

    /** The document's example: 70 % impressions, 25 % clicks, 5 % conversions. */
    public static final EventMix DEFAULT = new EventMix(0.7, 0.25, 0.05);

    /** What the three rates leave, in this order: view, engagement, completion, skip. */
    private static final EventType[] REST = {EventType.VIEW, EventType.ENGAGEMENT, EventType.COMPLETION,
            EventType.SKIP};
    private static final double[] REST_WEIGHTS = {0.4, 0.3, 0.2, 0.1};

    /** @throws InvalidInputException naming the rate at fault ({@code options.clickRate}, ...) */
    public EventMix {
        check("options.impressionRate", impressionRate);
        check("options.clickRate", clickRate);
        check("options.conversionRate", conversionRate);
        if (impressionRate + clickRate + conversionRate > 1 + 1e-9) {
            throw new InvalidInputException("options", "impressionRate + clickRate + conversionRate must not exceed 1;"
                    + " got " + (impressionRate + clickRate + conversionRate));
        }
    }

    private static void check(String field, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new InvalidInputException(field, "must be a number from 0 to 1; got " + rate);
        }
    }

    /** One event type drawn with these shares. */
    public EventType draw(RandomGenerator random) {
        double r = random.nextDouble();
        if (r < impressionRate) {
            return EventType.IMPRESSION;
        }
        r -= impressionRate;
        if (r < clickRate) {
            return EventType.CLICK;
        }
        r -= clickRate;
        if (r < conversionRate) {
            return EventType.CONVERSION;
        }
        double rest = random.nextDouble();
        for (int i = 0; i < REST.length - 1; i++) {
            if (rest < REST_WEIGHTS[i]) {
                return REST[i];
            }
            rest -= REST_WEIGHTS[i];
        }
        return REST[REST.length - 1];
    }
}
