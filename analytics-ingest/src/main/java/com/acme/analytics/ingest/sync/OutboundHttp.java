package com.acme.analytics.ingest.sync;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The sync's HTTP client: every call is checked against {@code analytics.outbound.allowed-hosts}, bounded by the
 * configured connect and read timeouts, retried once with full-jitter backoff on 5xx and timeouts, and turned into
 * a {@link ProviderException} of the right kind when it still fails (429 carries its {@code Retry-After}).
 */
public interface OutboundHttp {

    /** Sends the request and answers the body as a stream for a 2xx; everything else is a ProviderException. */
    HttpResponse<InputStream> send(HttpRequest.Builder request, URI uri) throws ProviderException;
}
