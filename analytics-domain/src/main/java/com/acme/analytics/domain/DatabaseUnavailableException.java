package com.acme.analytics.domain;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * The request cannot be served now for want of the database (out of reach, or ingest's buffer full until it is
 * back); the client should retry after {@link #retryAfterSeconds()}. Answered 503 with {@code Retry-After}.
 */
public class DatabaseUnavailableException extends AnalyticsException {

    /** How deep {@link #isOutage} looks into causes: pools and containers wrap the driver's exception a few times. */
    private static final int MAX_CAUSES = 20;

    private final int retryAfterSeconds;

    public DatabaseUnavailableException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public DatabaseUnavailableException(String message, int retryAfterSeconds, Throwable cause) {
        super(message, cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /**
     * Whether {@code failure}, or what caused it, says the database could not be reached: a connection refused or
     * lost, or an SQLState of class 08 (connection) or 57 (operator intervention, such as a shutdown). Errors in the
     * data or the statement are not an outage.
     */
    public static boolean isOutage(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57"))) {
                return true;
            }
        }
        return false;
    }
}
