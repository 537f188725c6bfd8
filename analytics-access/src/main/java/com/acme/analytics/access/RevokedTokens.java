package com.acme.analytics.access;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The ids of revoked, not yet expired tokens. Held in memory and reloaded from the database every few seconds, so
 * a revocation made on another instance takes effect here too, and closes the token's connections here as well.
 * While the database is unreachable the last known list stays in force.
 */
@ApplicationScoped
public class RevokedTokens {

    private static final Logger LOG = Logger.getLogger(RevokedTokens.class.getName());
    private static final long RELOAD_NANOS = 5_000_000_000L;

    private final ReentrantLock reloading = new ReentrantLock();
    private volatile Set<String> ids = Set.of();
    private volatile long loadedAt = System.nanoTime() - 2 * RELOAD_NANOS;

    @Resource(lookup = "java:app/jdbc/analytics")
    DataSource dataSource;
    @Inject
    OpenConnections connections;

    public boolean isRevoked(String tokenId) {
        if (System.nanoTime() - loadedAt > RELOAD_NANOS && reloading.tryLock()) {
            try {
                reload();
            } finally {
                reloading.unlock();
            }
        }
        return ids.contains(tokenId);
    }

    /**
     * Revokes a token and closes its open connections.
     *
     * @param workspaceId the workspace the token must belong to, or null for any token (operators)
     * @return false when no such unrevoked token exists
     */
    public boolean revoke(String tokenId, String workspaceId) throws SQLException {
        int updated;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update access_token set revoked_at = now() where id = ? and revoked_at is null"
                        + (workspaceId == null ? "" : " and workspace_id = ?"))) {
            ps.setString(1, tokenId);
            if (workspaceId != null) {
                ps.setString(2, workspaceId);
            }
            updated = ps.executeUpdate();
        }
        if (updated == 0) {
            return false;
        }
        Set<String> next = new HashSet<>(ids);
        next.add(tokenId);
        ids = Set.copyOf(next);
        connections.closeAll(tokenId, "token revoked");
        return true;
    }

    private void reload() {
        Set<String> fresh = new HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id from access_token where revoked_at is not null and expires_at > now() - interval '1 minute'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                fresh.add(rs.getString(1));
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Revoked tokens could not be reloaded; the last known list stays in force", e);
            loadedAt = System.nanoTime();
            return;
        }
        Set<String> before = ids;
        ids = Set.copyOf(fresh);
        loadedAt = System.nanoTime();
        fresh.stream().filter(id -> !before.contains(id)).forEach(id -> connections.closeAll(id, "token revoked"));
    }
}
