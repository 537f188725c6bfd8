package com.acme.analytics.web.security;

import com.acme.analytics.access.AccessDenied;
import com.acme.analytics.access.TooManyRequests;
import com.acme.analytics.domain.events.FieldViolation;
import com.acme.analytics.realtime.hub.MessageWriter;
import com.acme.analytics.web.errors.Problem;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.List;

/** Refusals for who sent a request, as problem documents, for JAX-RS and for plain servlets alike. */
public final class Refusals {

    /** The challenge of a 401: which scheme to use. */
    static final String CHALLENGE = "Bearer realm=\"analytics\"";

    private Refusals() {
    }

    public static Response response(AccessDenied e) {
        Response.Status status = e.authenticated() ? Response.Status.FORBIDDEN : Response.Status.UNAUTHORIZED;
        Response problem = Problem.response(status, e.getMessage(), violations(e));
        return e.authenticated() ? problem
                : Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }

    public static Response response(TooManyRequests e) {
        Response problem = Problem.response(Response.Status.TOO_MANY_REQUESTS, e.getMessage(), List.of());
        return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }

    static void write(HttpServletResponse resp, AccessDenied e) throws IOException {
        Response.Status status = e.authenticated() ? Response.Status.FORBIDDEN : Response.Status.UNAUTHORIZED;
        if (!e.authenticated()) {
            resp.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
        write(resp, status, e.getMessage(), violations(e));
    }

    static void write(HttpServletResponse resp, TooManyRequests e) throws IOException {
        resp.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        write(resp, Response.Status.TOO_MANY_REQUESTS, e.getMessage(), List.of());
    }

    static void write(HttpServletResponse resp, Response.Status status, String detail, List<FieldViolation> errors)
            throws IOException {
        resp.setStatus(status.getStatusCode());
        resp.setContentType(Problem.MEDIA_TYPE.toString());
        resp.setCharacterEncoding("UTF-8");
        resp.getWriter().write(MessageWriter.toJson(new Problem("about:blank", status.getReasonPhrase(),
                status.getStatusCode(), detail, errors.isEmpty() ? null : errors)));
    }

    private static List<FieldViolation> violations(AccessDenied e) {
        return e.field() == null ? List.of() : List.of(new FieldViolation(e.field(), e.getMessage()));
    }
}
