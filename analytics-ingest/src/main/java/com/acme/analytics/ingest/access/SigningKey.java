package com.acme.analytics.ingest.access;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The HMAC secret that signs and verifies tokens: {@code analytics.security.jwt.secret} when configured, else one
 * generated at first start and kept in the database, so that every instance and every restart agrees on it.
 */
@ApplicationScoped
public class SigningKey {

    private static final Logger LOG = Logger.getLogger(SigningKey.class.getName());
    /** HS256 needs a key of at least 256 bits. */
    static final int MIN_BYTES = 32;

    @Inject
    @ConfigProperty(name = "analytics.security.jwt.secret")
    Optional<String> configured;
    @Resource(lookup = "java:app/jdbc/analytics")
    DataSource dataSource;

    private volatile byte[] secret;

    public byte[] secret() {
        byte[] s = secret;
        if (s == null) {
            s = load();
            secret = s;
        }
        return s.clone();
    }

    private synchronized byte[] load() {
        if (secret != null) {
            return secret;
        }
        if (configured.isPresent() && !configured.get().isBlank()) {
            byte[] bytes = configured.get().getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_BYTES) {
                throw new IllegalStateException("analytics.security.jwt.secret must be at least " + MIN_BYTES
                        + " bytes long");
            }
            return bytes;
        }
        try (Connection c = dataSource.getConnection()) {
            // Two instances starting together: the first insert wins, both read the same secret back.
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into signing_secret (name, secret) values ('jwt', ?) on conflict (name) do nothing")) {
                insert.setBytes(1, Secrets.randomBytes(MIN_BYTES * 2));
                if (insert.executeUpdate() == 1) {
                    LOG.info("Generated the token signing secret and stored it in the database (table "
                            + "signing_secret); set analytics.security.jwt.secret to provide your own");
                }
            }
            try (PreparedStatement select = c.prepareStatement("select secret from signing_secret where name = 'jwt'");
                 ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The token signing secret could not be read from the database", e);
        }
    }
}
