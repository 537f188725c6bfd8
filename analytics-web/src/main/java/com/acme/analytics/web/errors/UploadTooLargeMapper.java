package com.acme.analytics.web.errors;

import com.acme.analytics.ingest.jobs.UploadTooLargeException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 413 for an upload past {@code analytics.jobs.max-upload-bytes}, naming the body. */
@Provider
public class UploadTooLargeMapper implements ExceptionMapper<UploadTooLargeException> {

    @Override
    public Response toResponse(UploadTooLargeException e) {
        return Problem.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage(),
                java.util.List.of(new com.acme.analytics.domain.events.FieldViolation("body", e.getMessage())));
    }
}
