package com.acme.analytics.web.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The PostgreSQL of the integration tests: an embedded one started once per JVM, or the server that
 * {@code ANALYTICS_TEST_DB_URL} names. The application reaches it through a {@link DatabaseProxy}, so that a test
 * can take the database away from the application without stopping it.
 */
public final class TestDatabase {

    private static TestDatabase instance;

    private final String url;
    private final String user;
    private final String password;
    private final DatabaseProxy proxy;

    private TestDatabase(String url, String user, String password) throws IOException {
        this.url = url;
        this.user = user;
        this.password = password;
        URI target = URI.create(url.substring("jdbc:".length()));
        this.proxy = DatabaseProxy.start(target.getHost(), target.getPort() < 0 ? 5432 : target.getPort());
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            try {
                instance = start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    private static TestDatabase start() throws IOException {
        String url = System.getProperty("analytics.test.db.url");
        String user = System.getProperty("analytics.test.db.user");
        String password = System.getProperty("analytics.test.db.password", "");
        if (Boolean.getBoolean("analytics.test.db.embedded")) {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(URI.create(url.substring(5)).getPort())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // the JVM is exiting
                }
            }));
        }
        return new TestDatabase(url, user, password);
    }

    /** The JDBC URL the application must use: through the proxy. */
    public String applicationUrl() {
        URI target = URI.create(url.substring("jdbc:".length()));
        return "jdbc:postgresql://127.0.0.1:" + proxy.port() + target.getRawPath()
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public DatabaseProxy proxy() {
        return proxy;
    }

    /** A direct connection, for the tests' own checks. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** The events stored for a workspace. */
    public long storedEvents(String workspaceId) throws SQLException {
        return number("select count(*) from raw_event where workspace_id = ?", workspaceId);
    }

    /** The single text a query answers, or null when it answers no row. */
    public String text(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The single number a query answers, such as a count. */
    public long number(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
