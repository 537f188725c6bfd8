package com.acme.analytics.domain.outbound;

import java.net.http.HttpClient;
import java.time.Duration;

/** The HTTP client of every outbound call (provider sync, alert webhooks). */
public final class OutboundClients {

    private OutboundClients() {
    }

    /**
     * Redirects are not followed: a redirect could lead past the host rule ({@link OutboundHosts}) to an internal
     * address. HTTP/1.1, as every provider and webhook receiver speaks it.
     */
    public static HttpClient create(Duration connectTimeout) {
        return HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }
}
