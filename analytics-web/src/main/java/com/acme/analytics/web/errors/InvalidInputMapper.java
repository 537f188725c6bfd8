package com.acme.analytics.web.errors;

import com.acme.analytics.domain.events.InvalidInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400 naming each field at fault. */
@Provider
public class InvalidInputMapper implements ExceptionMapper<InvalidInputException> {

    @Override
    public Response toResponse(InvalidInputException e) {
        return Problem.response(Response.Status.BAD_REQUEST, e.getMessage(), e.violations());
    }
}
