package com.acme.analytics.web.security;

import com.acme.analytics.access.Access;
import com.acme.analytics.access.AccessDenied;
import com.acme.analytics.access.Authenticator;
import com.acme.analytics.access.Caller;
import com.acme.analytics.access.CurrentCaller;
import com.acme.analytics.access.Permission;
import com.acme.analytics.access.RateLimits;
import com.acme.analytics.access.TooManyRequests;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Every REST request passes here after matching and before its resource method: the method's (or class's)
 * {@link Access} rule is enforced, and a method without one is refused to everybody (default deny). Ingest is rate
 * limited per client address before authentication and per credential after; an SSE stream may authenticate by
 * the {@code access_token} query parameter, since browsers' EventSource cannot send headers.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AccessFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(AccessFilter.class.getName());
    static final String ACCESS_TOKEN = "access_token";

    @Context
    ResourceInfo resource;
    @Context
    HttpServletRequest servletRequest;
    @Inject
    Authenticator authenticator;
    @Inject
    CurrentCaller current;
    @Inject
    RateLimits limits;

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            check(request);
        } catch (AccessDenied e) {
            request.abortWith(Refusals.response(e));
        } catch (TooManyRequests e) {
            request.abortWith(Refusals.response(e));
        }
    }

    private void check(ContainerRequestContext request) {
        Access rule = rule(resource.getResourceMethod(), resource.getResourceClass());
        if (rule == null) {
            LOG.warning("Refused " + request.getMethod() + " /" + request.getUriInfo().getPath()
                    + ": its resource method declares no @Access rule");
            throw AccessDenied.forbidden("This endpoint declares no access rule, so it is closed");
        }
        String address = servletRequest.getRemoteAddr();
        if (rule.value() == Permission.TRACK) {
            limits.ingestFrom(address);
        }
        boolean stream = isEventStream(request);
        if (stream) {
            limits.connectionFrom(address);
        }
        Caller caller = authenticator.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION),
                stream ? request.getUriInfo().getQueryParameters().getFirst(ACCESS_TOKEN) : null);
        String field = null;
        String workspace = null;
        if (!rule.workspacePath().isEmpty()) {
            field = rule.workspacePath();
            workspace = request.getUriInfo().getPathParameters().getFirst(field);
        } else if (!rule.workspaceQuery().isEmpty()) {
            field = rule.workspaceQuery();
            workspace = request.getUriInfo().getQueryParameters().getFirst(field);
        }
        if (workspace != null && workspace.isBlank()) {
            workspace = null;
        }
        if (!caller.permissions().contains(rule.value())) {
            throw AccessDenied.forbidden("This endpoint needs the " + rule.value().name().toLowerCase(Locale.ROOT)
                    + " permission, which this credential does not hold");
        }
        if (!caller.may(rule.value(), workspace)) {
            throw AccessDenied.forbidden(field, "This credential does not belong to workspace '" + workspace + "'");
        }
        if (workspace == null && caller.workspaceId() == null && rule.value() != Permission.OPERATE
                && !rule.systemWide()) {
            throw AccessDenied.forbidden("An operator token acts on no workspace's data");
        }
        current.set(caller, workspace != null ? workspace : caller.workspaceId());
        if (rule.value() == Permission.TRACK) {
            limits.ingestBy(caller);
        }
    }

    static Access rule(Method method, Class<?> type) {
        Access onMethod = method == null ? null : method.getAnnotation(Access.class);
        if (onMethod != null) {
            return onMethod;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Access onClass = c.getAnnotation(Access.class);
            if (onClass != null) {
                return onClass;
            }
        }
        return null;
    }

    private static boolean isEventStream(ContainerRequestContext request) {
        return HttpMethod.GET.equals(request.getMethod()) && request.getAcceptableMediaTypes().stream()
                .anyMatch(t -> t.isCompatible(MediaType.SERVER_SENT_EVENTS_TYPE) && !t.isWildcardType());
    }
}
