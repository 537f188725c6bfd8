package com.acme.analytics.realtime.alerts;

import com.acme.analytics.domain.outbound.OutboundClients;
import com.acme.analytics.domain.outbound.OutboundHosts;
import com.acme.analytics.domain.outbound.OutboundRefusedException;
import com.acme.analytics.domain.outbound.RetryAfter;
import com.acme.analytics.realtime.cluster.EventFeedSource;
import com.acme.analytics.realtime.live.WorkspaceNotice;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Makes one attempt of a delivery. The dashboard channel goes to every instance's clients of the workspace through
 * the cluster feed; webhooks and Slack are POSTed with the body made when the alert was recorded, a webhook with its
 * {@code X-Analytics-Signature}, only to URLs {@link OutboundHosts} permits at the time of sending (the rule may have
 * been stored under a wider allow-list, or its name may resolve elsewhere now), with connect and request timeouts
 * and no redirects (a redirect could lead past the host rule).
 */
@ApplicationScoped
public class AlertSender {

    static final int MAX_ERROR = 300;

    @Inject
    OutboundHosts hosts;
    @Inject
    EventFeedSource feed;
    @Inject
    @ConfigProperty(name = "analytics.alerts.delivery-timeout-ms")
    long timeoutMs;

    private HttpClient client;

    @PostConstruct
    void build() {
        client = OutboundClients.create(Duration.ofMillis(timeoutMs));
    }

    DeliveryPolicy.Attempt send(AlertDeliveries.Claimed d) {
        if (d.channel().equals("dashboard")) {
            feed.announce(new WorkspaceNotice(d.workspaceId(), d.body()));
            return DeliveryPolicy.Attempt.delivered(0);
        }
        URI uri;
        try {
            uri = URI.create(d.url());
            hosts.check(uri);
        } catch (OutboundRefusedException | IllegalArgumentException e) {
            return DeliveryPolicy.Attempt.refused(e.getMessage() + " (analytics.outbound.allowed-hosts)");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMillis(timeoutMs))
                .header("Content-Type", "application/json").header("User-Agent", "analytics-alerts")
                .POST(HttpRequest.BodyPublishers.ofString(d.body()));
        if (d.signature() != null) {
            request.header(WebhookBody.SIGNATURE_HEADER, d.signature());
        }
        try {
            HttpResponse<InputStream> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            // Only the start of the answer is read: it goes into the history, and a receiver's page must not fill
            // the heap.
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(MAX_ERROR), StandardCharsets.UTF_8).strip();
            }
            if (status >= 200 && status < 300) {
                return DeliveryPolicy.Attempt.delivered(status);
            }
            return DeliveryPolicy.Attempt.failed(status, "HTTP " + status + (body.isEmpty() ? "" : ": " + body),
                    RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null)));
        } catch (HttpTimeoutException e) {
            return DeliveryPolicy.Attempt.failed(0, "no answer within " + timeoutMs + " ms", null);
        } catch (IOException e) {
            return DeliveryPolicy.Attempt.failed(0, "calling " + uri.getHost() + " failed: " + e, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryPolicy.Attempt.failed(0, "interrupted", null);
        }
    }
}
