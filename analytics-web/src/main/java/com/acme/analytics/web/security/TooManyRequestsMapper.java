package com.acme.analytics.web.security;

import com.acme.analytics.access.TooManyRequests;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 429 with {@code Retry-After}. */
@Provider
public class TooManyRequestsMapper implements ExceptionMapper<TooManyRequests> {

    @Override
    public Response toResponse(TooManyRequests e) {
        return Refusals.response(e);
    }
}
