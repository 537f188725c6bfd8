package com.acme.analytics.web;

import com.acme.analytics.web.support.Client;
import com.acme.analytics.web.support.Client.Response;
import com.acme.analytics.web.support.Deployments;
import com.acme.analytics.web.support.InBrowser;
import com.acme.analytics.web.support.ProviderServer;
import com.acme.analytics.web.support.ProviderServer.Answer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The alerts page in Chromium against the real WAR: an admin previews a rule (the backtest's chart), has a bad
 * field refused on screen, creates the rule, and sees it fire on ingested events and resolve when they leave its
 * window: the rule's state in the list, the notifications in the notification centre linking to the rule, and both
 * transitions with their deliveries in its history; then edits and deletes it. A built-in system alert (an
 * integration whose syncs fail) reaches the admin's notification centre, and no member's dashboard, and the page
 * shows it among the system alerts' states.
 */
class AlertsBrowserIT extends InBrowser {

    private static final String ROW = "#rule-list tr[data-rule]";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("analytics.alerts.system.enabled=true",
                "analytics.outbound.allowed-hosts=127.0.0.1",
                "analytics.sync.poll-interval-ms=200", "analytics.sync.backoff-base-ms=200",
                "analytics.sync.retry-backoff-ms=50", "analytics.sync.circuit-failures=1000");
    }

    @BeforeEach
    void signedInOnTheAlertsPage() throws Exception {
        browser.open(base + "#token=" + tenant.token("admin"));
        browser.until("signed in", () -> browser.find("#signin").getAttribute("hidden") != null);
        browser.js("location.hash = '#/alerts'");
        browser.until("the alerts page", () -> browser.text("#rule-list").startsWith("No alert rule")
                && !browser.all("#rule-form select#rule-field option").isEmpty());
    }

    @AfterEach
    void noConsoleErrors() {
        List<String> errors = browser.consoleErrors(java.util.regex.Pattern.compile("alerts.* 400"));
        assertTrue(errors.isEmpty(), "console errors: " + errors);
    }

    @Test
    void aRuleMadeInThePageFiresAndResolvesWithNotificationsAndHistory() throws Exception {
        fill("Clicks of camp_ui", "camp_ui", "1m", "");
        browser.click("#save-rule");
        String refused = browser.until("the refusal", () -> {
            String t = browser.text("#alerts-error");
            return t.isEmpty() ? null : t;
        });
        assertTrue(refused.contains("condition.threshold"), refused);
        assertTrue(browser.text("#rule-list").startsWith("No alert rule"), "nothing stored");

        browser.js("document.getElementById('rule-threshold').value = '2'");
        browser.click("#preview-rule");
        browser.until("the backtest's chart", () -> "1440".equals(
                browser.find("#preview-chart").getAttribute("data-points")));
        assertEquals("Over the last 24 h this rule would not have fired.", browser.text("#preview-summary"));
        assertTrue(browser.all("#preview-chart canvas").size() == 1, "drawn by uPlot");

        browser.js("document.getElementById('rule-window').value = '5s'");
        browser.click("#save-rule");
        browser.until("listed", () -> browser.all(ROW).size() == 1);
        String id = browser.attribute(ROW, "data-rule");
        assertEquals("normal", browser.attribute(ROW, "data-state"));
        browser.until("the address names the rule", () -> browser.js("return location.hash").equals("#/alerts/" + id));
        browser.until("its empty history", () -> browser.text("#history").contains("Nothing has fired yet."));

        for (int i = 0; i < 3; i++) {
            Response r = client.postJson("api/analytics/real-time", "{\"event\":" + event("click", "camp_ui", "") + "}");
            assertEquals(200, r.status(), r.body());
        }
        browser.until("firing in the list", () -> "firing".equals(browser.find(ROW).getAttribute("data-state")));
        assertTrue(browser.text(ROW + " .state").startsWith("firing since"), browser.text(ROW));
        assertEquals("3", browser.text(ROW + " .value"));
        browser.until("a toast", () -> browser.all("#toasts .toast").stream()
                .anyMatch(t -> t.getText().contains("Alert: Clicks of camp_ui")));
        browser.click("#bell");
        browser.until("in the notification centre", () -> browser.text("#notification-list")
                .contains("clicks of camp_ui in the last 5 s: 3, above 2"));
        assertTrue(browser.attribute("#notification-list .notification.error a", "href")
                .endsWith("/#/alerts/" + id), "links to the rule's page");
        browser.until("the firing in the history", () -> !browser.all("#rule-history tr[data-kind='fired']").isEmpty());
        assertEquals("3", browser.text("#rule-history tr[data-kind='fired'] .value"));
        browser.until("its dashboard delivery", () -> !browser.all(
                "#rule-history tr[data-kind='fired'] li[data-channel='dashboard'][data-status='delivered']").isEmpty());
        browser.screenshot("alerts-firing");

        browser.until("resolved in the list", () -> "resolved".equals(browser.find(ROW).getAttribute("data-state")));
        browser.until("the resolution in the centre", () -> browser.all("#notification-list .notification").stream()
                .anyMatch(n -> n.getText().contains("Resolved: Clicks of camp_ui")));
        browser.until("the resolution in the history", () -> browser.all("#rule-history tbody tr").size() == 2);
        assertEquals(List.of("resolved", "fired"), browser.all("#rule-history tbody tr").stream()
                .map(tr -> tr.getAttribute("data-kind")).toList());
        assertEquals(2, browser.all("#notification-list .notification").stream()
                .filter(n -> n.getText().contains("Clicks of camp_ui")).count(), "each transition notified once");

        browser.js("document.getElementById('rule-threshold').value = '500'");
        browser.click("#save-rule");
        browser.until("the new threshold in the list", () -> browser.text(ROW).contains("above 500"));
        browser.click("#delete-rule");
        browser.until("deleted", () -> browser.text("#rule-list").startsWith("No alert rule"));
        assertEquals(404, client.get("api/workspaces/" + org + "/alerts/" + id, "application/json").status());
    }

    @Test
    void aFailingIntegrationSyncIsASystemAlertOnTheAdminsDashboardOnly() throws Exception {
        Client.Socket member = new Client(base).bearer(tenant.token("member")).webSocket("ws/realtime");
        try (ProviderServer provider = new ProviderServer()) {
            member.send("{\"type\":\"subscribe\",\"data\":{\"metrics\":[\"dashboard\"],\"notifications\":true,"
                    + "\"organizationId\":\"" + org + "\"}}");
            member.awaitMessage(m -> m.getString("type", "").equals("metrics_update"));
            provider.script("/stats", new Answer(503, "{\"error\":\"down for maintenance\"}", Map.of()));
            String integrations = "api/workspaces/" + org + "/integrations";
            Response created = client.postJson(integrations, "{\"provider\":\"custom\",\"name\":\"Shop\","
                    + "\"syncFrequency\":\"1s\",\"config\":{\"url\":\"" + provider.base() + "/stats\","
                    + "\"metrics\":{\"visits\":\"/stats/visits\"}},\"credentials\":{}}");
            assertEquals(201, created.status(), created.body());
            long id = created.json().getJsonNumber("id").longValue();

            String centre = "#notification-list .notification";
            browser.click("#bell");
            browser.until("the system alert", () -> browser.all(centre).stream()
                    .anyMatch(n -> n.getText().contains("System: Integration sync failing")));
            String text = browser.text(centre);
            assertTrue(text.contains("Integration " + id + ": 3 syncs failed in a row, the last: "), text);
            assertTrue(text.contains("down for maintenance") && text.contains("system ·"), text);
            assertTrue(browser.attribute(centre + " a", "href").endsWith("/#/integrations"));
            String sync = "#system-alerts tr[data-kind='integration_sync']";
            browser.until("firing among the system alerts", () -> "firing".equals(
                    browser.find(sync).getAttribute("data-state")));
            assertTrue(browser.text(sync).contains("Integration sync failing (integration " + id + ")"),
                    browser.text("#system-alerts"));
            assertEquals(List.of("ingest_buffer", "flush_latency", "database_down", "heap", "cluster_feed",
                    "integration_sync"), browser.all("#system-alerts tbody tr").stream()
                    .map(tr -> tr.getAttribute("data-kind")).toList());
            assertTrue(member.pollMessage(m -> m.getString("type", "").equals("notification"),
                    Duration.ofSeconds(2)).isEmpty(), "a member's dashboard gets no system alert");

            provider.script("/stats", Answer.ok("{\"stats\":{\"visits\":5}}"));
            browser.until("its resolution", () -> browser.all(centre).stream()
                    .anyMatch(n -> n.getText().contains("Resolved: Integration sync failing")
                            && n.getText().contains("Integration " + id + " synced again")));
            browser.until("resolved among the system alerts", () -> "resolved".equals(
                    browser.find(sync).getAttribute("data-state")));
            browser.screenshot("alerts-system");
            assertEquals(204, client.delete(integrations + "/" + id).status());
        } finally {
            member.close();
        }
    }

    /** Fills the editor for a rule on the clicks of one campaign, above the threshold given. */
    private void fill(String name, String campaign, String window, String threshold) {
        browser.js("const v = (id, x) => { document.getElementById('rule-' + id).value = x; };"
                + "v('name', arguments[0]); v('view', 'campaign');"
                + "document.getElementById('rule-view').dispatchEvent(new Event('change'));"
                + "v('field', 'clicks'); v('campaignId', arguments[1]); v('window', arguments[2]);"
                + "v('kind', 'above'); document.getElementById('rule-kind').dispatchEvent(new Event('change'));"
                + "v('threshold', arguments[3]); v('for', '0'); v('severity', 'error');",
                name, campaign, window, threshold);
    }
}
