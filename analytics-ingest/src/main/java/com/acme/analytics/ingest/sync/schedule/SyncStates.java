package com.acme.analytics.ingest.sync.schedule;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The schedule, leases and health of integrations ({@code integration_sync}). A due integration is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and leased until {@code lease_until}, so instances never wait on each other nor
 * sync one integration twice at once; a dead instance's lease runs out and another instance claims it. Results are
 * written only under the lease the writer holds, so a sync that outlived its lease changes nothing.
 */
@ApplicationScoped
public class SyncStates {

    @Resource(lookup = "java:app/jdbc/analytics")
    DataSource dataSource;

    /** A sync just claimed: the integration and the cursor the previous sync left. */
    record Claim(long integrationId, String cursor, int consecutiveFailures) {
    }

    List<Claim> claim(String owner, int limit, int leaseSeconds) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                update integration_sync s set state = 'syncing', lease_owner = ?,
                    lease_until = now() + make_interval(secs => ?)
                where s.integration_id in (
                    select integration_id from integration_sync
                    where next_sync_at <= now() and (lease_until is null or lease_until < now())
                        and paused_at is null
                    order by next_sync_at limit ? for update skip locked)
                returning s.integration_id, s.cursor, s.consecutive_failures""")) {
            ps.setString(1, owner);
            ps.setInt(2, leaseSeconds);
            ps.setInt(3, limit);
            List<Claim> claims = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claims.add(new Claim(rs.getLong(1), rs.getString(2), rs.getInt(3)));
                }
            }
            return claims;
        }
    }

    /** How one sync ended; {@code nextSyncAt} null stops the schedule until the integration is changed. */
    record Finish(String state, boolean success, String error, int consecutiveFailures, Instant nextSyncAt,
                  long records, String cursor, JsonObject quota, long requests, long successful, long failed,
                  long responseMillis) {
    }

    /** Writes the outcome and releases the lease; false when the lease was lost (nothing written then). */
    boolean finish(long integrationId, String owner, Instant syncedAt, Finish f) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                update integration_sync set state = ?, last_sync_at = ?,
                    last_success_at = case when ? then ? else last_success_at end,
                    last_error = ?, consecutive_failures = ?, next_sync_at = ?, records_last_sync = ?,
                    cursor = coalesce(?, cursor), quota = coalesce(?::jsonb, quota),
                    total_requests = total_requests + ?, successful_requests = successful_requests + ?,
                    failed_requests = failed_requests + ?, response_millis_total = response_millis_total + ?,
                    lease_owner = null, lease_until = null
                where integration_id = ? and lease_owner = ?""")) {
            Timestamp at = Timestamp.from(syncedAt);
            ps.setString(1, f.state());
            ps.setTimestamp(2, at);
            ps.setBoolean(3, f.success());
            ps.setTimestamp(4, at);
            ps.setString(5, f.error());
            ps.setInt(6, f.consecutiveFailures());
            if (f.nextSyncAt() == null) {
                ps.setNull(7, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                ps.setTimestamp(7, Timestamp.from(f.nextSyncAt()));
            }
            ps.setLong(8, f.records());
            ps.setString(9, f.cursor());
            ps.setString(10, f.quota() == null ? null : f.quota().toString());
            ps.setLong(11, f.requests());
            ps.setLong(12, f.successful());
            ps.setLong(13, f.failed());
            ps.setLong(14, f.responseMillis());
            ps.setLong(15, integrationId);
            ps.setString(16, owner);
            return ps.executeUpdate() == 1;
        }
    }

    /** The status of an integration, as {@code GET .../status} answers it. */
    public record Status(String state, Instant pausedAt, Instant lastSyncAt, Instant lastSuccessAt, Instant nextSyncAt,
                         String lastError, int consecutiveFailures, long recordsLastSync, String quotaJson,
                         long totalRequests, long successfulRequests, long failedRequests, long responseMillisTotal) {
    }

    public Optional<Status> status(String workspaceId, long integrationId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select case when s.paused_at is null then s.state else 'paused' end, s.paused_at, s.last_sync_at, s.last_success_at, s.next_sync_at, s.last_error,
                    s.consecutive_failures, s.records_last_sync, s.quota::text, s.total_requests,
                    s.successful_requests, s.failed_requests, s.response_millis_total
                from integration_sync s join integration i on i.id = s.integration_id
                where i.workspace_id = ? and i.id = ?""")) {
            ps.setString(1, workspaceId);
            ps.setLong(2, integrationId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Status(rs.getString(1), instant(rs, 2), instant(rs, 3), instant(rs, 4),
                        instant(rs, 5), rs.getString(6), rs.getInt(7), rs.getLong(8), rs.getString(9),
                        rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13)));
            }
        }
    }

    /**
     * Pauses the integration (it is not claimed again until resumed; a sync under way finishes and is recorded;
     * pausing a paused one keeps its first pause time), or resumes it with a sync at once, as a changed one gets.
     * False when the workspace has no such integration.
     */
    public boolean paused(String workspaceId, long integrationId, boolean paused) throws SQLException {
        return change(workspaceId, integrationId, paused ? "paused_at = coalesce(paused_at, now())"
                : "paused_at = null, next_sync_at = case when paused_at is null then next_sync_at else now() end");
    }

    private boolean change(String workspaceId, long integrationId, String assignments) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update integration_sync s set " + assignments + " from integration i where i.id = s.integration_id"
                        + " and i.workspace_id = ? and i.id = ?")) {
            ps.setString(1, workspaceId);
            ps.setLong(2, integrationId);
            return ps.executeUpdate() == 1;
        }
    }

    private static Instant instant(ResultSet rs, int index) throws SQLException {
        Timestamp t = rs.getTimestamp(index);
        return t == null ? null : t.toInstant();
    }
}
