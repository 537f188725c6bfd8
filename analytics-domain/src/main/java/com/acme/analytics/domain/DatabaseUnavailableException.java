package com.acme.analytics.domain;

/** Ingest cannot take more events now (the buffer is full); the client should retry after a pause. */
public class DatabaseUnavailableException extends AnalyticsException {

    private final int retryAfterSeconds;

    public DatabaseUnavailableException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
