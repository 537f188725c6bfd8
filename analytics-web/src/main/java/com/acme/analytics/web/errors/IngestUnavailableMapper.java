package com.acme.analytics.web.errors;

import com.acme.analytics.domain.DatabaseUnavailableException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;

/** 503 with {@code Retry-After}: nothing was taken, the client should send again. */
@Provider
public class IngestUnavailableMapper implements ExceptionMapper<DatabaseUnavailableException> {

    @Override
    public Response toResponse(DatabaseUnavailableException e) {
        Response r = Problem.response(Response.Status.SERVICE_UNAVAILABLE, e.getMessage(), List.of());
        return Response.fromResponse(r).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }
}
