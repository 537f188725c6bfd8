package com.acme.analytics.access;

import com.acme.analytics.domain.DatabaseUnavailableException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Write keys: per-workspace ingest credentials, Segment style. Only their SHA-256 is stored, with a short prefix
 * to tell them apart; the key itself is shown once, at creation. Verified keys are cached for a short while so
 * that ingest does not query the database per request, and keeps working through a database outage.
 */
@ApplicationScoped
public class WriteKeys {

    /** Every write key starts with this, which is how a bearer value is told apart from a token. */
    public static final String PREFIX = "wk_";
    private static final long FRESH_NANOS = 30_000_000_000L;
    private static final int MAX_CACHED = 100_000;

    private final Map<String, Cached> byHash = new ConcurrentHashMap<>();

    @Resource(lookup = "java:app/jdbc/analytics")
    DataSource dataSource;

    /** A key just created: {@code secret} is never available again. */
    public record NewWriteKey(String id, String workspaceId, String secret) {
    }

    /** A stored key as listed to its administrators: no secret, only its first characters. */
    public record Listed(String id, String prefix, Instant createdAt, Instant revokedAt) {
    }

    private record Cached(Caller caller, long loadedAt) {
    }

    public NewWriteKey create(String workspaceId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return create(c, workspaceId);
        }
    }

    /** Creates a key over the given connection, within the caller's transaction. */
    public NewWriteKey create(Connection c, String workspaceId) throws SQLException {
        String id = Secrets.random("key_", 9);
        String secret = Secrets.random(PREFIX, 32);
        try (PreparedStatement ps = c.prepareStatement(
                "insert into write_key (id, workspace_id, key_hash, key_prefix) values (?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, workspaceId);
            ps.setString(3, Secrets.sha256(secret));
            ps.setString(4, secret.substring(0, PREFIX.length() + 4));
            ps.executeUpdate();
        }
        return new NewWriteKey(id, workspaceId, secret);
    }

    /**
     * @throws AccessDenied                401 when no active key matches
     * @throws DatabaseUnavailableException 503 when the key is not cached and the database cannot be asked
     */
    public Caller verify(String secret) {
        String hash = Secrets.sha256(secret);
        Cached cached = byHash.get(hash);
        long now = System.nanoTime();
        if (cached != null && now - cached.loadedAt() < FRESH_NANOS) {
            return cached.caller();
        }
        Caller caller;
        try {
            caller = load(hash);
        } catch (SQLException e) {
            if (cached != null) {
                return cached.caller();
            }
            throw new DatabaseUnavailableException("Write keys cannot be checked right now; retry shortly", 5);
        }
        if (caller == null) {
            byHash.remove(hash);
            throw AccessDenied.unauthenticated("The write key is unknown or revoked");
        }
        if (byHash.size() >= MAX_CACHED) {
            byHash.clear();
        }
        byHash.put(hash, new Cached(caller, now));
        return caller;
    }

    private Caller load(String hash) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id, workspace_id from write_key where key_hash = ? and revoked_at is null")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Caller.writeKey(rs.getString(1), rs.getString(2)) : null;
            }
        }
    }

    /** Whether the key is an active key of the workspace (what the demo bootstrap needs to know at restart). */
    public boolean isActive(String workspaceId, String secret) throws SQLException {
        Caller caller = load(Secrets.sha256(secret));
        return caller != null && caller.workspaceId().equals(workspaceId);
    }

    /** @return false when the workspace has no such active key */
    public boolean revoke(String workspaceId, String keyId) throws SQLException {
        int updated;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update write_key set revoked_at = now() where id = ? and workspace_id = ? and revoked_at is null")) {
            ps.setString(1, keyId);
            ps.setString(2, workspaceId);
            updated = ps.executeUpdate();
        }
        byHash.values().removeIf(cached -> cached.caller().credentialId().equals(keyId));
        return updated == 1;
    }

    public List<Listed> list(String workspaceId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id, key_prefix, created_at, revoked_at from write_key where workspace_id = ? "
                        + "order by created_at")) {
            ps.setString(1, workspaceId);
            List<Listed> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp revoked = rs.getTimestamp(4);
                    out.add(new Listed(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                            revoked == null ? null : revoked.toInstant()));
                }
            }
            return out;
        }
    }
}
