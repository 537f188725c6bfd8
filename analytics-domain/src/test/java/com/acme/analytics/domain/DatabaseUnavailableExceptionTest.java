package com.acme.analytics.domain;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseUnavailableExceptionTest {

    @Test
    void shouldTellAnOutageThroughTheWrappersOfPoolAndContainer() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001",
                new ConnectException("Connection refused"));
        Exception pool = new SQLException("Error in allocating a connection", (String) null,
                new IllegalStateException("resource allocation", refused));
        assertTrue(DatabaseUnavailableException.isOutage(new RuntimeException("EJB", pool)));
        assertTrue(DatabaseUnavailableException.isOutage(new SQLException("terminating connection", "57P01")));
        assertTrue(DatabaseUnavailableException.isOutage(new SQLTransientConnectionException("gone")));
    }

    @Test
    void rejectsDataAndStatementErrorsAsAnOutage() {
        assertFalse(DatabaseUnavailableException.isOutage(new SQLException("invalid byte sequence", "22021")));
        assertFalse(DatabaseUnavailableException.isOutage(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseUnavailableException.isOutage(new SQLException("no state")));
        assertFalse(DatabaseUnavailableException.isOutage(new IllegalArgumentException("bug")));
    }
}
