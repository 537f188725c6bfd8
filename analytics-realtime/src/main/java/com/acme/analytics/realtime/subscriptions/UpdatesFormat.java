package com.acme.analytics.realtime.subscriptions;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * On {@code GET /analytics/real-time/updates} the {@code format} parameter chooses the answer, not the
 * {@code Accept} header: {@code format=sse} streams, anything else ({@code json}, the documented default) polls. A
 * {@code fetch()} sends a wildcard {@code Accept}, which both methods would match, and must not be left hanging on
 * a stream. The filter sets, before matching, the {@code Accept} the client meant, so that the usual selection
 * picks the method (as Jersey's URI-based content negotiation does).
 */
@Provider
@PreMatching
public class UpdatesFormat implements ContainerRequestFilter {

    static final String PATH = "analytics/real-time/updates";

    @Override
    public void filter(ContainerRequestContext request) {
        if (!HttpMethod.GET.equals(request.getMethod()) || !isUpdates(request.getUriInfo().getPath())) {
            return;
        }
        String format;
        try {
            format = request.getUriInfo().getQueryParameters().getFirst("format");
        } catch (IllegalArgumentException e) {
            // A query that does not decode is refused by the resource's own parameter handling.
            return;
        }
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, "sse".equals(format)
                ? MediaType.SERVER_SENT_EVENTS : MediaType.APPLICATION_JSON);
    }

    private static boolean isUpdates(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.equals(PATH) || p.equals(PATH + "/");
    }
}
