package com.acme.analytics.realtime.alerts;

import java.time.Instant;

/**
 * Where one rule (and group) stands; stored after every change so that a restart neither forgets a firing alert nor
 * fires it again.
 *
 * @param since      when the current phase began
 * @param clearSince while firing, since when the condition has no longer held (for keepFiringFor), else null
 * @param firedAt    when it last fired (for the cooldown), or null
 * @param value      the last value seen, or null
 */
public record AlertState(Phase phase, Instant since, Instant clearSince, Instant firedAt, Double value) {

    public enum Phase { NORMAL, PENDING, FIRING, RESOLVED }

    public static AlertState normal(Instant at) {
        return new AlertState(Phase.NORMAL, at, null, null, null);
    }

    public boolean firing() {
        return phase == Phase.FIRING;
    }
}
