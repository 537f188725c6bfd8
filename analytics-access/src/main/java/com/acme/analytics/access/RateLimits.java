package com.acme.analytics.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The request rate limits: ingest per credential and per client address, connection attempts (WebSocket and SSE)
 * per client address. Buckets live in memory, per instance; full buckets are forgotten when the table grows, so a
 * flood of addresses cannot exhaust memory.
 */
@ApplicationScoped
public class RateLimits {

    private static final int SWEEP_ABOVE = 10_000;

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "analytics.security.rate-limit.ingest-per-key-per-second")
    double ingestPerKey;
    @Inject
    @ConfigProperty(name = "analytics.security.rate-limit.ingest-per-address-per-second")
    double ingestPerAddress;
    @Inject
    @ConfigProperty(name = "analytics.security.rate-limit.connections-per-address-per-second")
    double connectionsPerAddress;
    @Inject
    @ConfigProperty(name = "analytics.security.rate-limit.burst-seconds")
    double burstSeconds;

    /** @throws TooManyRequests when the client address sent too many ingest requests */
    public void ingestFrom(String address) {
        take("ingest-address|" + address, ingestPerAddress, "ingest requests from this address");
    }

    /** @throws TooManyRequests when the credential sent too many ingest requests */
    public void ingestBy(Caller caller) {
        take("ingest-credential|" + caller.credentialId(), ingestPerKey, "ingest requests with this credential");
    }

    /** @throws TooManyRequests when the client address opened too many connections */
    public void connectionFrom(String address) {
        take("connect|" + address, connectionsPerAddress, "connection attempts from this address");
    }

    private void take(String key, double perSecond, String what) {
        long now = System.nanoTime();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(b -> b.isFull(now));
        }
        long wait = buckets.computeIfAbsent(key, k -> new TokenBucket(perSecond,
                Math.max(1, perSecond * burstSeconds), now)).take(now);
        if (wait > 0) {
            throw new TooManyRequests("Too many " + what + "; at most " + perSecond + " a second", wait);
        }
    }
}
