package com.acme.analytics.web.errors;

import com.acme.analytics.domain.DatabaseUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * 500 without a stack trace; the log carries the trace under the id the client sees. A failure caused by the
 * database being out of reach is no defect: it gets the 503 of {@link DatabaseUnavailableMapper} (logged at FINE
 * only: /health and the pool report the outage), so every read answers it as ingest does, no resource translating.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());
    private final DatabaseUnavailableMapper unavailable = new DatabaseUnavailableMapper();

    @Override
    public Response toResponse(Exception e) {
        if (DatabaseUnavailableException.isOutage(e)) {
            LOG.fine(() -> "Answered 503, the database cannot be reached: " + e);
            return unavailable.outage(e);
        }
        String id = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error " + id, e);
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR,
                "Unexpected error; quote " + id + " to the operator", List.of());
    }
}
