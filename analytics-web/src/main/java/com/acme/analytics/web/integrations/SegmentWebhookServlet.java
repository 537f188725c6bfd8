package com.acme.analytics.web.integrations;

import com.acme.analytics.domain.DatabaseUnavailableException;
import com.acme.analytics.domain.events.InvalidInputException;
import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.ingest.events.TrackEvents;
import com.acme.analytics.ingest.flush.Submission;
import com.acme.analytics.ingest.segment.SegmentMessages;
import com.acme.analytics.ingest.sync.connectors.SegmentConnector;
import com.acme.analytics.ingest.sync.integrations.Integration;
import com.acme.analytics.ingest.sync.integrations.IntegrationStore;
import com.acme.analytics.ingest.sync.integrations.Integrations;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /api/integrations/{id}/segment-webhook}: Segment's Webhooks destination. It carries no token, so it is
 * a servlet outside the API's {@code @Access} rules, authenticated by its {@code X-Signature} (hex HMAC-SHA1 of the
 * body with the integration's shared secret) instead: unsigned or wrongly signed is 401, and nothing is stored. A
 * signed message becomes an event of the integration's workspace, its {@code messageId} the event id (a redelivery
 * counts once), tagged with the integration.
 */
@WebServlet("/api/integrations/*")
public class SegmentWebhookServlet extends HttpServlet {

    private static final Pattern PATH = Pattern.compile("/([1-9][0-9]{0,17})/segment-webhook");
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final long COMMIT_WAIT_SECONDS = 10;

    @Inject
    IntegrationStore store;
    @Inject
    Integrations integrations;
    @Inject
    SegmentMessages messages;
    @Inject
    TrackEvents trackEvents;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        Optional<Integration> integration;
        try {
            integration = m.matches() ? store.find(Long.parseLong(m.group(1))) : Optional.empty();
        } catch (SQLException e) {
            answer(response, 503, "The database is unavailable; retry");
            return;
        }
        if (integration.isEmpty() || !integration.get().provider().equals("segment")) {
            answer(response, 404, "No Segment integration here");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(SegmentMessages.MAX_MESSAGE_BYTES + 1);
        if (body.length > SegmentMessages.MAX_MESSAGE_BYTES) {
            answer(response, 413, "A Segment message is at most " + SegmentMessages.MAX_MESSAGE_BYTES + " bytes");
            return;
        }
        Integration i = integration.get();
        String secret = integrations.credentials(i).getString("sharedSecret", null);
        if (!SegmentConnector.signed(body, secret, request.getHeader("X-Signature"))) {
            answer(response, 401, request.getHeader("X-Signature") == null ? "X-Signature is required"
                    : "X-Signature does not match the body");
            return;
        }
        try {
            TrackedEvent event = tagged(messages.read(parse(body), "body", null, null, i.workspaceId(),
                    Instant.now()), i.id());
            trackEvents.submit(List.of(event), Submission.Ack.COMMITTED).toCompletableFuture()
                    .get(COMMIT_WAIT_SECONDS, TimeUnit.SECONDS);
            response.setStatus(200);
            response.setContentType("application/json");
            response.getWriter().write("{\"success\":true}");
        } catch (InvalidInputException e) {
            answer(response, 400, e.getMessage());
        } catch (DatabaseUnavailableException | TimeoutException | ExecutionException e) {
            answer(response, 503, "Not stored; Segment retries");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer(response, 503, "Not stored; Segment retries");
        }
    }

    private static JsonObject parse(byte[] body) {
        try (var reader = JSON.createReader(new ByteArrayInputStream(body))) {
            return reader.readObject();
        } catch (JsonException | ClassCastException e) {
            throw new InvalidInputException("body", "must be a Segment message (a JSON object)");
        }
    }

    private static TrackedEvent tagged(TrackedEvent e, long integrationId) {
        JsonObject metadata;
        try (var reader = JSON.createReader(new StringReader(e.metadataJson()))) {
            metadata = reader.readObject();
        }
        return new TrackedEvent(e.eventId(), e.workspaceId(), e.eventType(), e.campaignId(), e.occurredAt(),
                e.value(), e.sessionId(), e.userId(), JSON.createObjectBuilder(metadata)
                .add("integrationId", integrationId).build().toString());
    }

    private static void answer(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getWriter().write(JSON.createObjectBuilder().add("title", detail).add("status", status)
                .add("detail", detail).build().toString());
    }
}
