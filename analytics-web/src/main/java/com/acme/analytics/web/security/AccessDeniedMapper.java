package com.acme.analytics.web.security;

import com.acme.analytics.access.AccessDenied;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 401 with a {@code WWW-Authenticate} challenge, or 403. */
@Provider
public class AccessDeniedMapper implements ExceptionMapper<AccessDenied> {

    @Override
    public Response toResponse(AccessDenied e) {
        return Refusals.response(e);
    }
}
