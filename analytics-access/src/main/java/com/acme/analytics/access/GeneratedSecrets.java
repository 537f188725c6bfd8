package com.acme.analytics.access;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Server secrets generated at first use and kept in the database (table {@code signing_secret}), for when none is
 * configured: every instance and every restart on that database reads the same one.
 */
@ApplicationScoped
public class GeneratedSecrets {

    private static final Logger LOG = Logger.getLogger(GeneratedSecrets.class.getName());

    @Resource(lookup = "java:app/jdbc/analytics")
    DataSource dataSource;

    /**
     * The secret of that name, created with {@code bytes} random bytes if there is none yet.
     *
     * @throws IllegalStateException when the database cannot be reached
     */
    public byte[] get(String name, int bytes) {
        try (Connection c = dataSource.getConnection()) {
            // Two instances starting together: the first insert wins, both read the same secret back.
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into signing_secret (name, secret) values (?, ?) on conflict (name) do nothing")) {
                insert.setString(1, name);
                insert.setBytes(2, Secrets.randomBytes(bytes));
                if (insert.executeUpdate() == 1) {
                    LOG.info("Generated the server secret '" + name + "' and stored it in the database");
                }
            }
            try (PreparedStatement select = c.prepareStatement("select secret from signing_secret where name = ?")) {
                select.setString(1, name);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getBytes(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The server secret '" + name + "' could not be read from the database", e);
        }
    }
}
