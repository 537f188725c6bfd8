package com.acme.analytics.web.errors;

import com.acme.analytics.domain.DatabaseUnavailableException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;

/**
 * The one answer to "the database is out of reach", on every endpoint: 503 with {@code Retry-After}. Ingest throws
 * the exception itself (nothing was taken); a read that fails because the database cannot be reached arrives as
 * the driver's or the pool's exception and is handed here by {@link UnexpectedErrorMapper}.
 */
@Provider
public class DatabaseUnavailableMapper implements ExceptionMapper<DatabaseUnavailableException> {

    /** The pause suggested to a read that met an outage: a pool reconnects within a few seconds of the return. */
    static final int READ_RETRY_AFTER_SECONDS = 5;

    @Override
    public Response toResponse(DatabaseUnavailableException e) {
        Response r = Problem.response(Response.Status.SERVICE_UNAVAILABLE, e.getMessage(), List.of());
        return Response.fromResponse(r).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }

    /** The answer to a request that failed because the database could not be reached. */
    Response outage(Throwable cause) {
        return toResponse(new DatabaseUnavailableException("The database cannot be reached; retry shortly",
                READ_RETRY_AFTER_SECONDS, cause));
    }
}
