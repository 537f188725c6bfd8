package com.acme.analytics.ingest.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open push connections (WebSocket sessions, SSE streams) by the credential that opened them: caps how many one
 * credential holds, and closes them all when the credential is revoked. Closed connections are forgotten lazily.
 */
@ApplicationScoped
public class OpenConnections {

    /** A connection as this registry sees it; implementations must not throw. */
    public interface Connection {
        boolean isOpen();

        /** Closes the connection, telling the client why when the protocol allows. */
        void close(String reason);
    }

    private final Map<String, Set<Connection>> byCredential = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "analytics.security.max-connections-per-credential")
    int maxPerCredential;

    /** @throws TooManyRequests when the caller already holds the most connections allowed */
    public void open(Caller caller, Connection connection) {
        byCredential.compute(caller.credentialId(), (id, set) -> {
            Set<Connection> live = set == null ? ConcurrentHashMap.newKeySet() : set;
            live.removeIf(c -> !c.isOpen());
            if (live.size() >= maxPerCredential) {
                throw new TooManyRequests("This credential already holds " + maxPerCredential
                        + " open connections; close one first", 5);
            }
            live.add(connection);
            return live;
        });
    }

    /** Open connections of the credential. */
    public int count(String credentialId) {
        Set<Connection> set = byCredential.get(credentialId);
        return set == null ? 0 : (int) set.stream().filter(Connection::isOpen).count();
    }

    public void closeAll(String credentialId, String reason) {
        Set<Connection> set = byCredential.remove(credentialId);
        if (set != null) {
            set.forEach(c -> c.close(reason));
        }
    }
}
