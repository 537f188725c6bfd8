package com.acme.analytics.ingest.deadletters;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import javax.sql.DataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads a workspace's dead letters, newest first. (The commit loop writes them, over its own connection.) */
@ApplicationScoped
public class DeadLetters {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Resource(lookup = "java:app/jdbc/analytics")
    DataSource dataSource;

    /**
     * @param before only letters with a smaller id (the next page), or null for the newest
     * @param limit  at most this many
     */
    public List<Listed> list(String workspaceId, Long before, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select id, event_id, event, sql_state, reason, failed_at from dead_letter
                where workspace_id = ? and id < ? order by id desc limit ?""")) {
            ps.setString(1, workspaceId);
            ps.setLong(2, before == null ? Long.MAX_VALUE : before);
            ps.setInt(3, limit);
            List<Listed> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Listed(rs.getLong(1), rs.getString(2), event(rs.getString(3)), rs.getString(4),
                            rs.getString(5), rs.getTimestamp(6).toInstant()));
                }
            }
            return out;
        }
    }

    private static JsonValue event(String text) {
        try (var reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            return JSON.createValue(text);
        }
    }

    /**
     * A dead letter as listed.
     *
     * @param event the event as it was accepted (the ingest contract's fields)
     */
    public record Listed(long id, String eventId, JsonValue event, String sqlState, String reason,
                         Instant failedAt) {
    }
}
