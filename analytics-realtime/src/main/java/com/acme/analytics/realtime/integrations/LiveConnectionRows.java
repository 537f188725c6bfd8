package com.acme.analytics.realtime.integrations;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The {@code live_connection} table: each instance's integration sockets, as of its last refresh. */
final class LiveConnectionRows {

    /** One socket of this instance, to write. */
    record Row(String sessionId, String workspaceId, String clientId, IntegrationConnections.Socket socket) {
    }

    private LiveConnectionRows() {
    }

    /**
     * Replaces this instance's rows with {@code rows} and deletes every instance's rows older than {@code staleMs},
     * in one transaction, so that a reader sees either the old set or the new one.
     */
    static void replace(Connection c, String instance, List<Row> rows, long staleMs) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (PreparedStatement ps = c.prepareStatement("delete from live_connection where instance_id = ?"
                    + " or refreshed_at < now() - make_interval(secs => ?)")) {
                ps.setString(1, instance);
                ps.setDouble(2, staleMs / 1000.0);
                ps.executeUpdate();
            }
            if (!rows.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("insert into live_connection (instance_id,"
                        + " session_id, workspace_id, client_id, connected_at, last_message_at, messages_sent,"
                        + " queued, latency_ms, syncing) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (Row r : rows) {
                        IntegrationConnections.Socket s = r.socket();
                        ps.setString(1, instance);
                        ps.setString(2, r.sessionId());
                        ps.setString(3, r.workspaceId());
                        ps.setString(4, r.clientId());
                        ps.setTimestamp(5, Timestamp.from(s.connectedAt()));
                        ps.setTimestamp(6, s.lastMessageAt() == null ? null : Timestamp.from(s.lastMessageAt()));
                        ps.setLong(7, s.messagesSent());
                        ps.setInt(8, s.queued());
                        if (s.latencyMs() == null) {
                            ps.setNull(9, Types.DOUBLE);
                        } else {
                            ps.setDouble(9, s.latencyMs());
                        }
                        ps.setArray(10, c.createArrayOf("text", s.syncing().toArray()));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** The client's sockets held by other instances that refreshed within {@code staleMs}. */
    static List<IntegrationConnections.Socket> others(Connection c, String instance, String workspaceId,
                                                      String clientId, long staleMs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select instance_id, connected_at, last_message_at,"
                + " messages_sent, queued, latency_ms, syncing from live_connection where workspace_id = ?"
                + " and client_id = ? and instance_id <> ? and refreshed_at >= now() - make_interval(secs => ?)")) {
            ps.setString(1, workspaceId);
            ps.setString(2, clientId);
            ps.setString(3, instance);
            ps.setDouble(4, staleMs / 1000.0);
            List<IntegrationConnections.Socket> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp last = rs.getTimestamp(3);
                    double latency = rs.getDouble(6);
                    Double latencyMs = rs.wasNull() ? null : latency;
                    Array syncing = rs.getArray(7);
                    out.add(new IntegrationConnections.Socket(rs.getString(1), rs.getTimestamp(2).toInstant(),
                            last == null ? null : last.toInstant(), rs.getLong(4), rs.getInt(5), latencyMs,
                            Arrays.asList((String[]) syncing.getArray())));
                }
            }
            return out;
        }
    }
}
