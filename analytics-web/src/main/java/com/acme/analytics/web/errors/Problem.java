package com.acme.analytics.web.errors;

import com.acme.analytics.domain.events.FieldViolation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * An RFC 9457 problem document; {@code errors} names each field at fault.
 */
public record Problem(String type, String title, int status, String detail, List<FieldViolation> errors) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    public static Response response(Response.StatusType status, String detail, List<FieldViolation> errors) {
        return Response.status(status.getStatusCode())
                .type(MEDIA_TYPE)
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail,
                        errors.isEmpty() ? null : errors))
                .build();
    }
}
