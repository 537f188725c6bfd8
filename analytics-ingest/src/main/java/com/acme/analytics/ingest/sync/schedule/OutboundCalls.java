package com.acme.analytics.ingest.sync.schedule;

import com.acme.analytics.domain.outbound.OutboundClients;
import com.acme.analytics.domain.outbound.OutboundHosts;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The one JDK HttpClient of provider sync, with {@code analytics.sync.connect-timeout-ms}; every sync calls out
 * through a {@link SyncHttp} made from it, which adds the request timeout, the host rule and the retry.
 */
@ApplicationScoped
public class OutboundCalls {

    @Inject
    OutboundHosts hosts;
    @Inject
    @ConfigProperty(name = "analytics.sync.connect-timeout-ms")
    long connectTimeoutMs;
    @Inject
    @ConfigProperty(name = "analytics.sync.request-timeout-ms")
    long requestTimeoutMs;
    @Inject
    @ConfigProperty(name = "analytics.sync.retry-backoff-ms")
    long retryBackoffMs;

    private HttpClient client;

    @PostConstruct
    void build() {
        client = OutboundClients.create(Duration.ofMillis(connectTimeoutMs));
    }

    SyncHttp forSync(SyncHttp.Recorder recorder) {
        return new SyncHttp(client, hosts, Duration.ofMillis(requestTimeoutMs), retryBackoffMs, recorder);
    }
}
