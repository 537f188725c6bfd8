package com.acme.analytics.domain.database;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work on one JDBC connection in one transaction, for the stores that write several statements at once without a
 * container transaction: committed when the work returns, rolled back when it throws.
 */
public final class Transactions {

    /** What runs in the transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T in(Connection c) throws SQLException;
    }

    private Transactions() {
    }

    public static <T> T run(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.in(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}
