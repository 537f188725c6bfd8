package com.acme.analytics.ingest.retention;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the daily partitions of the raw events: creates those an accepted event may need (at start and every
 * hour), drops those past the retention period, and forgets event ids seen longer ago than the dedupe window.
 * The per-minute rollups and the daily sets of users and sessions are kept for their own, longer period; the
 * daily campaign rollups are kept whatever the retention. Dead letters are kept for their own period: they are
 * there to be looked at and fixed at the source, not for ever.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class RawEventRetention {

    private static final Logger LOG = Logger.getLogger(RawEventRetention.class.getName());

    @Resource(lookup = "java:app/jdbc/analytics")
    DataSource dataSource;
    @Inject
    EventTimeLimits limits;
    @Inject
    @ConfigProperty(name = "analytics.ingest.dedupe-window-hours")
    long dedupeWindowHours;
    @Inject
    @ConfigProperty(name = "analytics.metrics.rollup-retention-days")
    int rollupRetentionDays;
    @Inject
    @ConfigProperty(name = "analytics.ingest.dead-letter-retention-days")
    int deadLetterRetentionDays;

    @PostConstruct
    void prepare() {
        if (rollupRetentionDays < limits.retentionDays()) {
            // History read from the rollups would then end before the raw events it is meant to outlive.
            throw new IllegalStateException("analytics.metrics.rollup-retention-days (" + rollupRetentionDays
                    + ") must be at least analytics.ingest.retention-days (" + limits.retentionDays() + ")");
        }
        if (deadLetterRetentionDays < 1) {
            throw new IllegalStateException("analytics.ingest.dead-letter-retention-days must be at least 1, got "
                    + deadLetterRetentionDays);
        }
        try {
            maintain(Instant.now());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the raw event partitions", e);
        }
    }

    @Schedule(hour = "*", minute = "7", persistent = false)
    void hourly() {
        try {
            maintain(Instant.now());
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Raw event maintenance failed; retried next hour", e);
        }
    }

    /** What the hourly run does, as of {@code now}; public for the integration tests' trigger. */
    public void maintain(Instant now) throws SQLException {
        try (Connection con = dataSource.getConnection()) {
            int created = number(con, "select ensure_raw_event_partitions(?, ?)",
                    Date.valueOf(limits.firstKeptDay(now)), Date.valueOf(limits.lastAcceptedDay(now)));
            int dropped = number(con, "select drop_raw_event_partitions_before(?)",
                    Date.valueOf(limits.firstKeptDay(now)));
            try (PreparedStatement ps = con.prepareStatement(
                    "delete from event_id_seen where seen_at < now() - ? * interval '1 hour'")) {
                ps.setLong(1, dedupeWindowHours);
                int forgotten = ps.executeUpdate();
                if (created + dropped + forgotten > 0) {
                    LOG.info("Raw events: " + created + " partitions created, " + dropped + " dropped, "
                            + forgotten + " event ids past the dedupe window forgotten");
                }
            }
            LocalDate firstKeptRollupDay = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(rollupRetentionDays);
            int minutes = update(con, "delete from event_minute where minute < ?",
                    firstKeptRollupDay.atStartOfDay().atOffset(ZoneOffset.UTC));
            int actorDays = update(con, "delete from actor_day where day < ?", Date.valueOf(firstKeptRollupDay));
            if (minutes + actorDays > 0) {
                LOG.info("Rollups before " + firstKeptRollupDay + " dropped: " + minutes + " minute rows, "
                        + actorDays + " daily actor rows");
            }
            Instant firstKeptLetter = now.minus(Duration.ofDays(deadLetterRetentionDays));
            int letters = update(con, "delete from dead_letter where failed_at < ?",
                    firstKeptLetter.atOffset(ZoneOffset.UTC));
            if (letters > 0) {
                LOG.info(letters + " dead letters refused before " + firstKeptLetter + " deleted");
            }
        }
    }

    private static int update(Connection con, String sql, Object param) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(sql)) {
            ps.setObject(1, param);
            return ps.executeUpdate();
        }
    }

    private static int number(Connection con, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
