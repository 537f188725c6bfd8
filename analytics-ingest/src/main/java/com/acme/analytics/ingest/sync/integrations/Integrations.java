package com.acme.analytics.ingest.sync.integrations;

import com.acme.analytics.access.CredentialCipher;
import com.acme.analytics.domain.events.InvalidInputException;
import com.acme.analytics.domain.outbound.OutboundHosts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Creating, changing, listing and deleting a workspace's integrations. Credentials are sealed before they reach the
 * database and opened only for a sync; the caller checks that the workspace exists.
 */
@ApplicationScoped
public class Integrations {

    @Inject
    IntegrationStore store;
    @Inject
    Connectors connectors;
    @Inject
    OutboundHosts hosts;
    @Inject
    CredentialCipher cipher;

    public Integration create(String workspaceId, JsonObject body) throws SQLException {
        IntegrationRules.Request r = rules().read(body, null);
        long id = store.nextId();
        Instant now = Instant.now();
        Integration created = new Integration(id, workspaceId, r.provider(), r.name(), r.workflowId(), r.config(),
                seal(workspaceId, id, r.credentials()), r.frequency(), r.filters(), r.transformations(), now, now);
        store.insert(created);
        return store.find(workspaceId, id).orElse(created);
    }

    /** Replaces the integration; credentials left out stay as they were. Empty when there is no such integration. */
    public Optional<Integration> update(String workspaceId, long id, JsonObject body) throws SQLException {
        Optional<Integration> current = store.find(workspaceId, id);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Integration was = current.get();
        if (body.containsKey("provider") && !was.provider().equals(body.getString("provider", null))) {
            throw new InvalidInputException("provider", "cannot change from " + was.provider()
                    + "; create another integration");
        }
        JsonObject withProvider = jakarta.json.Json.createObjectBuilder(body).add("provider", was.provider()).build();
        IntegrationRules.Request r = rules().read(withProvider, credentials(was));
        Integration changed = new Integration(id, workspaceId, was.provider(), r.name(), r.workflowId(), r.config(),
                seal(workspaceId, id, r.credentials()), r.frequency(), r.filters(), r.transformations(),
                was.createdAt(), Instant.now());
        return store.update(changed) ? store.find(workspaceId, id) : Optional.empty();
    }

    public List<Integration> list(String workspaceId) throws SQLException {
        return store.list(workspaceId);
    }

    public Optional<Integration> find(String workspaceId, long id) throws SQLException {
        return store.find(workspaceId, id);
    }

    public boolean delete(String workspaceId, long id) throws SQLException {
        return store.delete(workspaceId, id);
    }

    /** The integration's credentials in clear, for a sync only. */
    public JsonObject credentials(Integration i) {
        return IntegrationStore.object(cipher.open(i.sealedCredentials(),
                Integration.sealingContext(i.workspaceId(), i.id())));
    }

    private String seal(String workspaceId, long id, JsonObject credentials) {
        return cipher.seal(credentials.toString(), Integration.sealingContext(workspaceId, id));
    }

    private IntegrationRules rules() {
        return new IntegrationRules(connectors.byProvider(), hosts);
    }
}
