package com.acme.analytics.realtime.sse;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Every SSE response, of any endpoint: {@code Cache-Control: no-cache}, so that no cache holds or replays a live
 * stream, and {@code X-Accel-Buffering: no}, so that a buffering proxy (nginx) passes each event on at once instead
 * of when its buffer fills. And {@code Connection: close}: once a stream ends, its connection is not used again. After
 * the server closed streams (revocation, a lagging client), a browser's next page load on such a kept-alive
 * connection got Payara's error page in a CI run.
 */
@Provider
public class SseHeaders implements ContainerResponseFilter {

    static final String ACCEL_BUFFERING = "X-Accel-Buffering";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.SERVER_SENT_EVENTS_TYPE)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-cache");
            response.getHeaders().putSingle(ACCEL_BUFFERING, "no");
            response.getHeaders().putSingle("Connection", "close");
        }
    }
}
