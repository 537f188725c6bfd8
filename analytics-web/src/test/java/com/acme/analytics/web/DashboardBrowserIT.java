package com.acme.analytics.web;

import com.acme.analytics.web.support.Browser;
import com.acme.analytics.web.support.Client;
import com.acme.analytics.web.support.ConnectionsResource;
import com.acme.analytics.web.support.Deployments;
import com.acme.analytics.web.support.InBrowser;
import com.acme.analytics.web.support.Tenants;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in a real Chromium, against the real WAR: sign-in, refusals, figures equal to the REST answer,
 * charts, notifications, reconnection with resume, the test dashboard and the narrow layout. One browser serves
 * every test; each loads the page afresh in its own workspace. Screenshots land in target/screenshots.
 */
class DashboardBrowserIT extends InBrowser {

    private static final String[] SUMMARY = {"totalImpressions", "totalClicks", "totalConversions",
        "activeCampaigns", "overallCtr", "overallConversionRate", "totalSpent"};
    private static final Pattern REFUSED_REQUEST = Pattern.compile("status of 40[01]");

    private final List<Pattern> expectedConsole = new ArrayList<>();
    private String token;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application().addClass(ConnectionsResource.class);
    }

    @BeforeEach
    void aMemberToken() throws Exception {
        token = tenant.token("member");
    }

    @AfterEach
    void noConsoleErrors() {
        List<String> errors = browser.consoleErrors(expectedConsole.toArray(Pattern[]::new));
        assertTrue(errors.isEmpty(), "console errors: " + errors);
    }

    private void signIn() {
        browser.open(base + "#token=" + token);
        browser.until("both channels live", () -> state("WebSocket").equals("live") && state("SSE").equals("live"));
    }

    private String state(String channel) {
        return browser.find("[data-channel='" + channel + "']").getAttribute("class").replace("status ", "");
    }

    @Test
    void shouldSignInFromTheFragmentAndDropTheTokenFromTheAddress() {
        signIn();
        assertTrue(browser.text("#workspace").contains(org), browser.text("#workspace"));
        assertFalse(browser.driver().getCurrentUrl().contains(token), "the token stays out of the address bar");
        assertTrue(browser.find("#signin").getAttribute("hidden") != null);
        assertEquals("Live dashboard — Analytics", browser.driver().getTitle());
    }

    @Test
    void shouldSayWhyABadTokenIsRefusedAndNotRetry() throws Exception {
        expectedConsole.add(REFUSED_REQUEST);
        String forged = Tenants.sign(Tenants.claims("viewer", org, Instant.now().plusSeconds(600)).build(),
                "another-secret-another-secret-another-secret");
        browser.open(base + "#token=" + forged);
        String message = browser.until("a refusal on screen", () -> {
            WebElement m = browser.find("#signin-message");
            return m.isDisplayed() && !m.getText().isBlank() ? m.getText() : null;
        });
        assertTrue(message.startsWith("The server refused this token"), message);
        assertEquals("idle", state("WebSocket"), "no connection was tried");
        browser.screenshot("signin-refused");

        // A token revoked while the page watches: the server closes the socket, the page asks why and stops.
        JsonObject issued = tenant.issue("viewer", 3600);
        token = issued.getString("token");
        signIn();
        assertEquals(204, client.delete("api/workspaces/" + org + "/tokens/" + issued.getString("id")).status());
        String revoked = browser.until("signed out on screen", () -> {
            WebElement m = browser.find("#signin-message");
            return m.isDisplayed() ? m.getText() : null;
        });
        assertTrue(revoked.startsWith("Signed out"), revoked);
        assertEquals("offline", state("WebSocket"));
        assertEquals("offline", state("SSE"));
    }

    @Test
    void shouldShowTheFiguresOfTheDashboardEndpointAfterABurst() throws Exception {
        signIn();
        burst(List.of("camp_a", "camp_b", "camp_c"), 60);
        JsonObject expected = browser.until("the page agrees with GET /dashboard", () -> {
            JsonObject summary = dashboard().getJsonObject("summary");
            return summary.getJsonNumber("totalImpressions").longValue() > 0 && matches(summary) ? summary : null;
        });
        for (String field : SUMMARY) {
            assertEquals(expected.getJsonNumber(field).doubleValue(), cardValue(field), 1e-9, field);
        }
        @SuppressWarnings("unchecked")
        List<String> rows = (List<String>) browser.js("return [...document.querySelectorAll("
                + "'#campaign-rows tr[data-campaign]')].map(r => r.dataset.campaign)");
        JsonObject answer = dashboard();
        assertEquals(answer.getJsonArray("campaigns").size(), rows.size());
        browser.screenshot("dashboard");
        browser.size(Browser.NARROW);
        browser.screenshot("dashboard-420");
        browser.size(Browser.WIDE);

        String busiest = rows.get(0);
        browser.find("#campaign-rows tr[data-campaign='" + busiest + "'] a").click();
        browser.until("the campaign page", () -> browser.all("#campaign-impressions[data-value]").size() == 1);
        browser.until("its daily history", () -> browser.all("#campaign-history table").size() == 1);
        JsonObject live = client.get("api/campaigns/" + busiest + "/analytics/real-time", "application/json").json()
                .getJsonObject("metrics");
        assertEquals(live.getJsonNumber("impressions").doubleValue(),
                Double.parseDouble(browser.find("#campaign-impressions").getAttribute("data-value")));
        browser.screenshot("campaign");
    }

    @Test
    void shouldDrawLiveEventsOnTheChart() throws Exception {
        signIn();
        burst(List.of("camp_chart"), 20);
        long points = browser.until("points on the per-second chart", () -> {
            String n = browser.find("#chart-seconds").getAttribute("data-points");
            return n != null && Long.parseLong(n) > 0 ? Long.parseLong(n) : null;
        });
        assertTrue(points <= 20, "points " + points);
        browser.until("a bar on the per-minute chart", () -> {
            String n = browser.find("#chart-minutes").getAttribute("data-points");
            return n != null && Long.parseLong(n) > 0;
        });
    }

    @Test
    void shouldShowAPostedNotificationAsAToastAndInTheCentre() throws Exception {
        signIn();
        Client.Response posted = client.postJson("api/workspaces/" + org + "/analytics/realtime",
                "{\"eventType\":\"notification\",\"eventData\":{\"title\":\"Budget alert\",\"message\":"
                        + "\"camp_a spent 90% of its budget\",\"severity\":\"warning\",\"category\":\"campaign\","
                        + "\"auto_dismiss\":false}}");
        assertEquals(200, posted.status(), posted.body());
        browser.until("a toast", () -> browser.all("#toasts .toast").stream()
                .anyMatch(t -> t.getText().contains("Budget alert")));
        assertEquals("1", browser.text("#unread"));
        browser.screenshot("notification-toast");
        browser.find("#bell").click();
        browser.until("the centre lists it", () -> browser.all("#notification-list .notification").size() == 1);
        assertTrue(browser.text("#notification-list").contains("camp_a spent 90% of its budget"));
        browser.until("read once opened", () -> !browser.find("#unread").isDisplayed());
        browser.screenshot("notification-centre");
        browser.find("#notification-list .dismiss").click();
        browser.until("dismissed", () -> browser.all("#notification-list .notification").isEmpty());
    }

    @Test
    void shouldReconnectAfterTheServerClosesTheSocketAndLoseNoEvent() throws Exception {
        signIn();
        postEvents("camp_resume", 3);
        browser.until("three events in the feed", () -> feedSequences("camp_resume").size() == 3);

        Client.Response closed = new Client(base).bearer(token).delete("api/test/connections");
        assertEquals(204, closed.status(), closed.body());
        browser.until("reconnecting shown", () -> state("WebSocket").equals("reconnecting")
                && browser.text("[data-channel='WebSocket']").matches("(?s).*reconnecting.*"));
        assertTrue(browser.find("#summary").getAttribute("class").contains("stale"), "figures marked stale");
        browser.screenshot("reconnecting");
        postEvents("camp_resume", 3);
        browser.until("live again", () -> state("WebSocket").equals("live") && state("SSE").equals("live"));
        List<String> seen = browser.until("six events in the feed", () -> {
            List<String> s = feedSequences("camp_resume");
            return s.size() >= 6 ? s : null;
        });
        assertEquals(6, seen.size(), "each event once: " + seen);
        assertEquals(6, Set.copyOf(seen).size(), "each event once: " + seen);
        assertFalse(browser.find("#summary").getAttribute("class").contains("stale"));
    }

    @Test
    void shouldStartAndStopAScenarioOnTheTestDashboard() throws Exception {
        signIn();
        browser.find("#nav a[data-path='/test']").click();
        browser.until("the test dashboard", () -> browser.all("#scenario-start").size() == 1);
        assertEquals("Test dashboard — Analytics", browser.driver().getTitle());
        browser.find("#scenario option[value='stress_test']").click();
        browser.find("#scenario-start").click();
        browser.until("running", () -> browser.text("#scenario-state").startsWith("Running stress_test"));
        browser.until("events stored", () -> Long.parseLong(cardText("sent-generated")) >= 10);
        browser.until("events seen by the page", () -> browser.text("#latest-event").contains("sequence"));
        browser.until("a latency measured", () -> browser.find("#measure-latencyP99").getAttribute("data-value") != null);
        JsonObject running = client.get("api/analytics/real-time/simulate", "application/json").json()
                .getJsonArray("simulations").getJsonObject(0);
        assertEquals("running", running.getString("status"));
        assertEquals(600, running.getInt("eventsPerMinute"));
        assertEquals(0.05, running.getJsonNumber("errorRate").doubleValue(), 1e-9);
        browser.screenshot("test-dashboard");
        browser.size(Browser.NARROW);
        browser.screenshot("test-dashboard-420");
        browser.size(Browser.WIDE);
        long renders = ((Number) browser.js("return window.__analytics.measure().rendersPerSecond")).longValue();
        assertTrue(renders <= 30, "renders/s " + renders);

        browser.find("#scenario-stop").click();
        browser.until("stopped", () -> browser.text("#scenario-state").startsWith("Stopped"));
        JsonObject stopped = client.get("api/analytics/real-time/simulate", "application/json").json()
                .getJsonArray("simulations").getJsonObject(0);
        assertEquals("stopped", stopped.getString("status"));
        assertEquals(running.getString("id"), stopped.getString("id"));
        browser.find("#scenario-reset").click();
        browser.until("reset", () -> cardText("sent-generated").equals("0"));
    }

    @Test
    void shouldFitInAWindow420PixelsWide() throws Exception {
        signIn();
        postEvents("camp_narrow", 2);
        browser.size(Browser.NARROW);
        browser.until("laid out narrow", () -> ((Number) browser.js("return window.innerWidth")).intValue() <= 420);
        long overflow = ((Number) browser.js(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
        assertEquals(0, overflow, "the page scrolls sideways at 420 px");
        long header = ((Number) browser.js("return document.querySelector('header').getBoundingClientRect().height"))
                .longValue();
        assertTrue(header < 260, "header height " + header);
        List<String> offscreen = browser.all("header button, header a, .status").stream()
                .filter(e -> e.getRect().getX() + e.getRect().getWidth() > 420).map(WebElement::getText).toList();
        assertTrue(offscreen.isEmpty(), "outside the window: " + offscreen);
        browser.screenshot("header-420");
    }

    private JsonObject dashboard() {
        try {
            return client.get("api/analytics/real-time/dashboard", "application/json").json();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean matches(JsonObject summary) {
        for (String field : SUMMARY) {
            Double shown = cardValue(field);
            if (shown == null || Math.abs(shown - summary.getJsonNumber(field).doubleValue()) > 1e-9) {
                return false;
            }
        }
        return true;
    }

    private Double cardValue(String field) {
        String v = browser.find("#card-" + field).getAttribute("data-value");
        return v == null ? null : Double.valueOf(v);
    }

    private String cardText(String id) {
        return browser.find("#" + id + " .value").getText().replace(",", "");
    }

    private List<String> feedSequences(String campaign) {
        return browser.all("#feed-list li[data-sequence]").stream().filter(li -> li.getText().contains(campaign))
                .map(li -> li.getAttribute("data-sequence")).collect(Collectors.toList());
    }

    /** Events through the simulator's burst when the server has it, else posted as a partner would. */
    private void burst(List<String> campaigns, int count) throws Exception {
        String ids = campaigns.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(","));
        Client.Response r = client.postJson("api/analytics/real-time/simulate",
                "{\"action\":\"burst\",\"campaignIds\":[" + ids + "],\"options\":{\"count\":" + count + "}}");
        if (r.status() == 404 || r.status() == 405) {
            for (int i = 0; i < count; i++) {
                postEvents(campaigns.get(i % campaigns.size()), 1);
            }
            return;
        }
        assertEquals(200, r.status(), r.body());
    }

    private void postEvents(String campaign, int count) throws Exception {
        String[] types = {"impression", "impression", "click", "view", "conversion"};
        List<String> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String type = types[(int) (Math.random() * types.length)];
            events.add(event(type, campaign, type.equals("click") ? ",\"value\":0.4" : ""));
        }
        Client.Response r = client.postJson("api/analytics/real-time", "{\"events\":[" + String.join(",", events) + "]}");
        assertEquals(200, r.status(), r.body());
    }
}
