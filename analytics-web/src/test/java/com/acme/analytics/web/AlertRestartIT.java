package com.acme.analytics.web;

import com.acme.analytics.web.support.Client;
import com.acme.analytics.web.support.Client.Response;
import com.acme.analytics.web.support.Deployments;
import com.acme.analytics.web.support.Eventually;
import com.acme.analytics.web.support.InNewWorkspace;
import com.acme.analytics.web.support.SecondInstance;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 13 §6, a restart in the middle of a firing alert, with real processes: the instance evaluating a firing
 * rule is killed (no shutdown: its lease is left behind), a new instance takes the rule over once the lease runs
 * out and continues from the stored state: it does not fire the rule again, and it still resolves it. The
 * deployment under test evaluates no rule itself ({@code max-rules-per-instance=0}), so the instance that evaluates
 * is known; it serves the dashboard that watches the notifications.
 */
class AlertRestartIT extends InNewWorkspace {

    /** Fires at once (no click yet, no data counts as holding) and resolves at the first click. */
    private static final String RULE = "{\"name\":\"Quiet camp_r\",\"metric\":{\"view\":\"campaign\","
            + "\"field\":\"clicks\",\"campaignId\":\"camp_r\"},\"window\":\"10m\",\"condition\":{\"kind\":\"below\","
            + "\"threshold\":1},\"for\":\"0\",\"noData\":\"alert\",\"channels\":[{\"type\":\"dashboard\"}]}";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("analytics.alerts.max-rules-per-instance=0");
    }

    @Test
    void aFiringAlertSurvivesARestartOfItsInstanceWithoutFiringAgainAndStillResolves() throws Exception {
        Client.Socket dashboard = client.webSocket("ws/realtime");
        try {
            dashboard.send("{\"type\":\"subscribe\",\"data\":{\"metrics\":[\"dashboard\"],\"notifications\":true,"
                    + "\"organizationId\":\"" + org + "\"}}");
            dashboard.awaitMessage(m -> isType(m, "metrics_update"));
            String id;
            String firstOwner;
            SecondInstance evaluating = SecondInstance.start(Deployments.application());
            try {
                Response created = client.postJson("api/workspaces/" + org + "/alerts", RULE);
                assertEquals(201, created.status(), created.body());
                id = created.json().getString("id");
                JsonObject fired = dashboard.pollMessage(m -> isType(m, "notification"), Duration.ofSeconds(20))
                        .orElseThrow(() -> new AssertionError("the rule did not fire")).getJsonObject("data");
                assertEquals("Alert: Quiet camp_r", fired.getString("title"));
                firstOwner = leaseOwner(id);
            } finally {
                evaluating.kill();
            }
            assertEquals("firing", text("select phase from alert_state where rule_id = ?::uuid", id));

            try (SecondInstance restarted = SecondInstance.start(Deployments.application())) {
                Eventually.within(Duration.ofSeconds(60), "the new instance took the rule over", () -> {
                    String owner = leaseOwner(id);
                    return owner != null && !owner.equals(firstOwner);
                });
                Response click = new Client(restarted.base()).bearer(tenant.token("admin")).postJson(
                        "api/analytics/real-time", "{\"event\":" + event("click", "camp_r", "") + "}");
                assertEquals(200, click.status(), click.body());
                // The next notification must be the resolution: a second firing would come before it.
                JsonObject next = dashboard.pollMessage(m -> isType(m, "notification"), Duration.ofSeconds(20))
                        .orElseThrow(() -> new AssertionError("no resolution after the restart"))
                        .getJsonObject("data");
                assertEquals("Resolved: Quiet camp_r", next.getString("title"));
            }
            assertEquals(List.of("fired", "resolved"), kinds(id));
        } finally {
            dashboard.close();
        }
    }

    private String leaseOwner(String id) throws Exception {
        return text("select lease_owner from alert_rule where id = ?::uuid and lease_until > now()", id);
    }

    private String text(String sql, String id) throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private List<String> kinds(String id) throws Exception {
        List<String> kinds = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "select kind from alert_event where rule_id = ?::uuid order by at")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    kinds.add(rs.getString(1));
                }
            }
        }
        return kinds;
    }

    private static boolean isType(JsonObject m, String type) {
        return m.getString("type", "").equals(type);
    }
}
