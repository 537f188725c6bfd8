package com.acme.analytics.realtime.hub;

import java.time.Duration;

/**
 * The limits every client channel works under.
 *
 * @param queueCapacity        ordered messages a client may have waiting before it is lagging
 * @param minUpdateInterval    least time between two coalesced updates to one client (1 s / max updates per second)
 * @param lagGrace             how long a lagging client stays connected after it was told
 * @param sendTimeout          a send still unfinished after this long makes its client lagging
 */
public record HubSettings(int queueCapacity, Duration minUpdateInterval, Duration lagGrace, Duration sendTimeout) {

    public HubSettings {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue capacity " + queueCapacity);
        }
    }

    public static HubSettings of(int queueCapacity, int maxUpdatesPerSecond, long lagGraceMs, long sendTimeoutMs) {
        if (maxUpdatesPerSecond < 1) {
            throw new IllegalArgumentException("max updates per second " + maxUpdatesPerSecond);
        }
        return new HubSettings(queueCapacity, Duration.ofNanos(1_000_000_000L / maxUpdatesPerSecond),
                Duration.ofMillis(lagGraceMs), Duration.ofMillis(sendTimeoutMs));
    }
}
