package com.acme.analytics.ingest.health;

import com.acme.analytics.domain.health.HealthStatus;
import com.acme.analytics.ingest.flush.BatchFlusher;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** Whether the parts that accepting and storing events need are up. */
@ApplicationScoped
public class ServiceHealth implements HealthStatus {

    private static final int DATABASE_TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:app/jdbc/analytics")
    DataSource dataSource;
    @Inject
    BatchFlusher flusher;

    @Override
    public Map<String, Boolean> checks() {
        return Map.of("database", databaseUp(), "flusher", flusher.isHealthy());
    }

    private boolean databaseUp() {
        try (Connection con = dataSource.getConnection()) {
            return con.isValid(DATABASE_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }
}
