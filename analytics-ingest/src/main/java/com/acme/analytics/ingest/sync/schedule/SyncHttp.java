package com.acme.analytics.ingest.sync.schedule;

import com.acme.analytics.domain.outbound.OutboundHosts;
import com.acme.analytics.domain.outbound.OutboundRefusedException;
import com.acme.analytics.domain.outbound.RetryAfter;
import com.acme.analytics.ingest.sync.OutboundHttp;
import com.acme.analytics.ingest.sync.ProviderException;
import com.acme.analytics.ingest.sync.ProviderException.Kind;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One sync's way out ({@link OutboundHttp}): the host rule checked before each call, the request timeout, one retry
 * after a full-jitter backoff on 5xx and timeouts, and the answer classified: 429 is {@code RATE_LIMITED} with its
 * {@code Retry-After}, other 4xx {@code REFUSED} with the provider's own message. Runs on a sync worker thread,
 * so the backoff's wait holds no request thread.
 */
final class SyncHttp implements OutboundHttp {

    /** Where the sync's request figures go. */
    interface Recorder {
        void request(long responseMillis, boolean successful);
    }

    static final int MAX_MESSAGE = 300;

    private final HttpClient client;
    private final OutboundHosts hosts;
    private final Duration timeout;
    private final long backoffMs;
    private final Recorder recorder;

    SyncHttp(HttpClient client, OutboundHosts hosts, Duration timeout, long backoffMs, Recorder recorder) {
        this.client = client;
        this.hosts = hosts;
        this.timeout = timeout;
        this.backoffMs = backoffMs;
        this.recorder = recorder;
    }

    @Override
    public HttpResponse<InputStream> send(HttpRequest.Builder request, URI uri) throws ProviderException {
        try {
            hosts.check(uri);
        } catch (OutboundRefusedException e) {
            throw new ProviderException(Kind.REFUSED, e.getMessage(), null, e);
        }
        HttpRequest built = request.uri(uri).timeout(timeout).build();
        try {
            return attempt(built);
        } catch (ProviderException e) {
            if (e.kind() != Kind.TRANSIENT) {
                throw e;
            }
            pause(ThreadLocalRandom.current().nextLong(backoffMs + 1));
            return attempt(built);
        }
    }

    private HttpResponse<InputStream> attempt(HttpRequest request) throws ProviderException {
        long start = System.nanoTime();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            recorder.request(elapsed(start), false);
            throw new ProviderException(Kind.TRANSIENT, "no answer from " + request.uri().getHost() + " within "
                    + timeout.toMillis() + " ms", null, e);
        } catch (IOException e) {
            recorder.request(elapsed(start), false);
            throw new ProviderException(Kind.TRANSIENT, "calling " + request.uri().getHost() + " failed: " + e,
                    null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(Kind.TRANSIENT, "interrupted", null, e);
        }
        int status = response.statusCode();
        boolean ok = status >= 200 && status < 300;
        recorder.request(elapsed(start), ok);
        if (ok) {
            return response;
        }
        String message = "HTTP " + status + " from " + request.uri().getHost() + ": " + body(response);
        if (status == 429) {
            throw new ProviderException(Kind.RATE_LIMITED, message,
                    RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null)), null);
        }
        throw new ProviderException(status >= 500 ? Kind.TRANSIENT : Kind.REFUSED, message);
    }

    /** The provider's own words, cut short: they go into the integration's status. */
    private static String body(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            String text = new String(in.readNBytes(MAX_MESSAGE), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "(no body)" : text;
        } catch (IOException e) {
            return "(body unreadable)";
        }
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void pause(long ms) throws ProviderException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(Kind.TRANSIENT, "interrupted", null, e);
        }
    }
}
