package com.acme.analytics.web;

import com.acme.analytics.web.support.Client.Response;
import com.acme.analytics.web.support.Deployments;
import com.acme.analytics.web.support.InNewWorkspace;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Alert rules over REST: stored and answered as given (secrets left out), bad rules refused field by field. */
class AlertsIT extends InNewWorkspace {

    private static final String RULE = "{\"name\":\"Clicks\",\"metric\":{\"view\":\"campaign\",\"field\":\"clicks\","
            + "\"campaignId\":\"camp_123\"},\"window\":\"5m\",\"condition\":{\"kind\":\"above\",\"threshold\":400},"
            + "\"for\":\"0\",\"cooldown\":\"15m\",\"severity\":\"error\",\"channels\":[{\"type\":\"dashboard\"},"
            + "{\"type\":\"webhook\",\"url\":\"http://127.0.0.1:9/hook\",\"secret\":\"0123456789abcdef\"}]}";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("analytics.outbound.allowed-hosts=127.0.0.1:9");
    }

    private String alerts() {
        return "api/workspaces/" + org + "/alerts";
    }

    @Test
    void aRuleIsCreatedReadReplacedAndDeleted() throws Exception {
        Response created = client.postJson(alerts(), RULE);
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("id");
        assertFalse(created.body().contains("0123456789abcdef"), created.body());

        Response listed = client.get(alerts(), "application/json");
        assertEquals(200, listed.status(), listed.body());
        assertEquals(List.of(id), listed.jsonArray().stream().map(v -> ((JsonObject) v).getString("id")).toList());

        Response replaced = client.request("PUT", alerts() + "/" + id, RULE.replace("400", "500"),
                "Content-Type", "application/json");
        assertEquals(200, replaced.status(), replaced.body());
        assertEquals(500, replaced.json().getJsonObject("condition").getInt("threshold"));

        assertEquals(204, client.delete(alerts() + "/" + id).status());
        assertEquals(404, client.get(alerts() + "/" + id, "application/json").status());
    }

    @Test
    void badRulesAreRefusedFieldByFieldAndNothingIsStored() throws Exception {
        Response refused = client.postJson(alerts(), "{\"name\":\"x\",\"metric\":{\"view\":\"campaign\","
                + "\"field\":\"nope\",\"campaignId\":\"c\"},\"window\":\"5x\",\"condition\":{\"kind\":\"above\"}}");
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertEquals(List.of("metric.field", "window", "condition.threshold"), fields(refused));
        assertEquals(0, client.get(alerts(), "application/json").jsonArray().size());
    }

    @Test
    void aLoopbackWebhookThatIsNotAllowedIsRefused() throws Exception {
        Response refused = client.postJson(alerts(), RULE.replace("127.0.0.1:9", "127.0.0.1:8081"));
        assertEquals(400, refused.status(), refused.body());
        assertEquals(List.of("channels[1].url"), fields(refused));
    }

    @Test
    void aViewerOfTheWorkspaceIsRefused() throws Exception {
        Response asReader = new com.acme.analytics.web.support.Client(base).bearer(tenant.token("viewer")).postJson(alerts(), RULE);
        assertEquals(403, asReader.status(), asReader.body());
    }

    private static List<String> fields(Response problem) {
        return problem.json().getJsonArray("errors").stream().map(v -> ((JsonObject) v).getString("field")).toList();
    }
}
