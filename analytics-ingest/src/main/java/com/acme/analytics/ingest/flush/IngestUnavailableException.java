package com.acme.analytics.ingest.flush;

/** Ingest cannot take more events now (the buffer is full); the client should retry after a pause. */
public class IngestUnavailableException extends RuntimeException {

    private final int retryAfterSeconds;

    public IngestUnavailableException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
