package com.acme.analytics.realtime.alerts;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.spi.JsonProvider;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.acme.analytics.realtime.alerts.AlertLeases.timestamp;

/**
 * The deliveries waiting to be sent ({@code alert_delivery}): claimed when due under a lease with
 * {@code FOR UPDATE SKIP LOCKED}, so one instance sends each, and finished with the attempt appended to its history,
 * only under the lease the sender holds (a send that outlived its lease is not recorded twice as final).
 */
@ApplicationScoped
public class AlertDeliveries {

    private static final JsonProvider JSON = JsonProvider.provider();

    /** A delivery claimed for one attempt. */
    public record Claimed(long id, String workspaceId, String channel, String url, String body, String signature,
                          Instant createdAt, int attemptsBefore) {
    }

    @Resource(lookup = "java:app/jdbc/analytics")
    DataSource dataSource;

    /** Claims up to {@code limit} due deliveries of the dashboard channel, or of the outbound ones. */
    public List<Claimed> claim(String owner, int leaseSeconds, int limit, boolean dashboard) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                update alert_delivery d set lease_owner = ?, lease_until = now() + make_interval(secs => ?)
                where d.id in (
                    select id from alert_delivery
                    where status = 'pending' and next_attempt_at <= now()
                        and (lease_until is null or lease_until < now()) and (channel = 'dashboard') = ?
                    order by next_attempt_at limit ? for update skip locked)
                returning d.id, d.workspace_id, d.channel, d.url, d.body, d.signature, d.created_at,
                    jsonb_array_length(d.attempts)""")) {
            ps.setString(1, owner);
            ps.setInt(2, leaseSeconds);
            ps.setBoolean(3, dashboard);
            ps.setInt(4, limit);
            List<Claimed> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getInt(8)));
                }
            }
            return out;
        }
    }

    /** Appends the attempt and sets what comes next; false when the lease was lost (nothing written). */
    public boolean finish(long id, String owner, Instant at, long millis, DeliveryPolicy.Attempt attempt,
                          DeliveryPolicy.Next next) throws SQLException {
        var entry = JSON.createObjectBuilder().add("at", at.toString())
                .add("outcome", attempt.outcome().name().toLowerCase(java.util.Locale.ROOT)).add("ms", millis);
        if (attempt.httpStatus() > 0) {
            entry.add("httpStatus", attempt.httpStatus());
        }
        if (attempt.error() != null) {
            entry.add("error", attempt.error());
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                update alert_delivery set status = ?, attempts = attempts || jsonb_build_array(?::jsonb),
                    next_attempt_at = ?, lease_owner = null, lease_until = null,
                    finished_at = case when ? = 'pending' then null else now() end
                where id = ? and lease_owner = ?""")) {
            ps.setString(1, next.status());
            ps.setString(2, entry.build().toString());
            ps.setTimestamp(3, timestamp(next.nextAttemptAt()));
            ps.setString(4, next.status());
            ps.setLong(5, id);
            ps.setString(6, owner);
            return ps.executeUpdate() == 1;
        }
    }
}
