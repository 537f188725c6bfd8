package com.acme.analytics.web;

import com.acme.analytics.web.support.Deployments;
import com.acme.analytics.web.support.Eventually;
import com.acme.analytics.web.support.InNewWorkspace;
import com.acme.analytics.web.support.ProviderServer;
import com.acme.analytics.web.support.ProviderServer.Answer;
import com.acme.analytics.web.support.SecondInstance;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two instances share the schedule: each sync is claimed by one of them, never by both at once. */
class IntegrationsTwoInstancesIT extends InNewWorkspace {

    private static final String[] CONFIG = {"analytics.outbound.allowed-hosts=127.0.0.1",
            "analytics.sync.poll-interval-ms=100", "analytics.sync.lease-seconds=30"};

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application(CONFIG);
    }

    @Test
    void neverSyncsOneIntegrationOnTwoInstancesAtOnce() throws Exception {
        try (ProviderServer provider = new ProviderServer();
             SecondInstance second = SecondInstance.start(Deployments.application(CONFIG))) {
            // Each answer is held for at least one poll of the wait below, as long as the instances' poll period,
            // so a due integration is always wanted by both instances.
            provider.script("/stats", Answer.held("{\"stats\":{\"total\":1}}"));
            var r = client.postJson("api/workspaces/" + org + "/integrations", ("{'provider':'custom','name':'c',"
                    + "'syncFrequency':'1s','config':{'url':'" + provider.base() + "/stats','metrics':{'total':"
                    + "'/stats/total'}},'credentials':{}}").replace('\'', '"'));
            assertEquals(201, r.status(), r.body());
            long id = r.json().getJsonNumber("id").longValue();
            Set<String> owners = ConcurrentHashMap.newKeySet();
            try {
                Eventually.within(Duration.ofSeconds(60), "both instances never took turns", () -> {
                    provider.releaseHeld();
                    String owner = leaseOwner(id);
                    if (owner != null) {
                        owners.add(owner);
                    }
                    return owners.size() >= 2 && provider.received("/stats").size() >= 6;
                });
            } catch (AssertionError e) {
                throw new AssertionError("owners " + owners + ", syncs " + provider.received("/stats").size()
                        + ", status " + client.get("api/workspaces/" + org + "/integrations/" + id + "/status",
                        "application/json").body(), e);
            }
            assertEquals(1, provider.mostInFlight(), "one sync of the integration at a time, over "
                    + provider.received("/stats").size() + " syncs by " + owners);
        }
    }

    private String leaseOwner(long id) throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "select lease_owner from integration_sync where integration_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
