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
 * of when its buffer fills.
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
        }
    }
}
