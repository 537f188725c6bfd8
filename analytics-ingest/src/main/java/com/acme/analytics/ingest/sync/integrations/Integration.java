package com.acme.analytics.ingest.sync.integrations;

import com.acme.analytics.domain.integrations.SyncFrequency;
import jakarta.json.JsonObject;

import java.time.Instant;

/**
 * One stored integration. {@code sealedCredentials} is CredentialCipher's text, opened only for a sync; never log
 * or answer it.
 *
 * @param workflowId the document's optional workflow, or null
 */
public record Integration(long id, String workspaceId, String provider, String name, Long workflowId,
                          JsonObject config, String sealedCredentials, SyncFrequency frequency, JsonObject filters,
                          JsonObject transformations, Instant createdAt, Instant updatedAt) {

    /** The context the credentials are sealed to, so a sealed value copied to another row does not open. */
    public static String sealingContext(String workspaceId, long id) {
        return workspaceId + "/integration/" + id;
    }

    @Override
    public String toString() {
        return "Integration[" + id + " " + provider + " of " + workspaceId + "]";
    }
}
