package com.acme.analytics.ingest.sync;

import jakarta.json.JsonObject;

import java.time.Instant;

/**
 * One sync of one integration.
 *
 * @param integrationId the integration's number
 * @param workspaceId   the workspace the integration belongs to
 * @param config        the integration's config as stored (with defaults, such as {@code apiBaseUrl}, not filled in)
 * @param credentials   the credentials, unsealed for this sync only
 * @param cursor        where the previous sync ended, as the connector wrote it; null on the first sync
 * @param now           the sync's clock reading
 * @param http          the only way out: timeouts, allowed hosts, retries and {@code Retry-After} live there
 */
public record SyncRequest(long integrationId, String workspaceId, JsonObject config, JsonObject credentials,
                          String cursor, Instant now, OutboundHttp http) {
}
