package com.acme.analytics.access;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The open push connections (WebSocket sessions, SSE streams) by the credential that opened them: caps how many one
 * credential holds, closes them all when the credential is revoked, and closes each when its token expires (checked
 * every {@value #SWEEP_SECONDS} seconds). Closed connections are forgotten by the same sweep.
 */
@ApplicationScoped
public class OpenConnections {

    static final long SWEEP_SECONDS = 5;

    /** A connection as this registry sees it; implementations must not throw. */
    public interface Connection {
        boolean isOpen();

        /** Closes the connection, telling the client why when the protocol allows. */
        void close(String reason);
    }

    private record Held(Connection connection, Instant expiresAt) {
    }

    private final Map<String, Set<Held>> byCredential = new ConcurrentHashMap<>();
    private ScheduledFuture<?> sweeper;

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    @ConfigProperty(name = "analytics.security.max-connections-per-credential")
    int maxPerCredential;

    /** @throws TooManyRequests when the caller already holds the most connections allowed */
    public void open(Caller caller, Connection connection) {
        startSweeper();
        byCredential.compute(caller.credentialId(), (id, set) -> {
            Set<Held> live = set == null ? ConcurrentHashMap.newKeySet() : set;
            if (atCap(live)) {
                throw new TooManyRequests("This credential already holds " + maxPerCredential
                        + " open connections; close one first", SWEEP_SECONDS);
            }
            live.add(new Held(connection, caller.expiresAt()));
            return live;
        });
    }

    /**
     * Connections of the credential, those closed since the last sweep included unless that reaches the cap: then
     * only the open ones.
     */
    public int count(String credentialId) {
        Set<Held> set = byCredential.get(credentialId);
        if (set == null) {
            return 0;
        }
        atCap(set);
        return set.size();
    }

    /**
     * Whether the open connections reach the cap. Closed ones are forgotten here only when the count reaches it:
     * looking at every connection of a credential on every handshake would cost as much as all the handshakes of
     * a credential that holds thousands.
     */
    private boolean atCap(Set<Held> set) {
        if (set.size() < maxPerCredential) {
            return false;
        }
        set.removeIf(h -> !h.connection().isOpen());
        return set.size() >= maxPerCredential;
    }

    public void closeAll(String credentialId, String reason) {
        Set<Held> set = byCredential.remove(credentialId);
        if (set != null) {
            set.forEach(h -> h.connection().close(reason));
        }
    }

    private synchronized void startSweeper() {
        if (sweeper == null) {
            sweeper = scheduler.scheduleWithFixedDelay(this::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
        }
    }

    void sweep() {
        Instant now = Instant.now();
        byCredential.forEach((id, set) -> {
            set.removeIf(h -> {
                if (h.expiresAt() != null && now.isAfter(h.expiresAt()) && h.connection().isOpen()) {
                    h.connection().close("token expired");
                }
                return !h.connection().isOpen() || h.expiresAt() != null && now.isAfter(h.expiresAt());
            });
            byCredential.computeIfPresent(id, (k, s) -> s.isEmpty() ? null : s);
        });
    }

    @PreDestroy
    void stop() {
        if (sweeper != null) {
            sweeper.cancel(false);
        }
    }
}
