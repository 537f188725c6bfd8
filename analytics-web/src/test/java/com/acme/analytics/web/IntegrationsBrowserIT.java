package com.acme.analytics.web;

import com.acme.analytics.web.support.Browser;
import com.acme.analytics.web.support.Deployments;
import com.acme.analytics.web.support.InNewWorkspace;
import com.acme.analytics.web.support.ProviderServer;
import com.acme.analytics.web.support.ProviderServer.Answer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The integrations page in Chromium against the real WAR and a local JSON source: an admin creates a custom
 * integration with the form, sees it listed with its state and freshness, follows it live (its analytics_update
 * figures, then a failed sync's error), pauses it and stops following.
 */
class IntegrationsBrowserIT extends InNewWorkspace {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("analytics.outbound.allowed-hosts=127.0.0.1",
                "analytics.sync.poll-interval-ms=200", "analytics.sync.backoff-base-ms=200",
                "analytics.sync.retry-backoff-ms=50");
    }

    @Test
    void createsAnIntegrationFollowsItsSyncsLiveAndPausesIt() throws Exception {
        try (ProviderServer provider = new ProviderServer(); Browser browser = new Browser()) {
            provider.script("/stats", Answer.ok("{\"stats\":{\"visits\":321}}"));
            browser.size(Browser.WIDE);
            browser.open(base + "#token=" + tenant.token("admin"));
            browser.until("signed in", () -> browser.find("#signin").getAttribute("hidden") != null);
            browser.js("location.hash = '#/integrations'");
            browser.until("the integrations page", () -> browser.text("#integration-list").startsWith("No integration"));

            browser.js("const f = document.getElementById('provider-fields');"
                    + "document.getElementById('integration-name').value = 'Shop stats';"
                    + "document.getElementById('sync-frequency').value = '1s';"
                    + "f.querySelector('input[name=url]').value = arguments[0];"
                    + "f.querySelector('input[name=metrics]').value = 'visits=/stats/visits';", provider.base() + "/stats");
            browser.click("#create-integration button[type=submit]");
            String row = "#integration-list tr[data-integration]";
            browser.until("synced and listed", () -> browser.all(row + "[data-state='idle']").size() == 1
                    && browser.text(row + " .fresh").endsWith("s ago"));
            assertEquals("", browser.text("#integrations-error"));

            browser.click(row + " button.follow");
            browser.until("live figures", () -> !browser.all(".live-integration tr[data-metric='visits']").isEmpty());
            assertEquals("321", browser.text(".live-integration tr[data-metric='visits'] td"));
            provider.script("/stats", Answer.ok("{\"stats\":{\"visits\":400}}"));
            browser.until("the next sync's figures", () -> browser.text(
                    ".live-integration tr[data-metric='visits'] td").equals("400"));
            assertTrue(Integer.parseInt(browser.attribute(".live-integration", "data-updates")) >= 2);

            provider.script("/stats", new Answer(503, "{\"error\":\"down for maintenance\"}", Map.of()));
            String error = browser.until("the sync's error", () -> {
                String text = browser.text(".live-integration .sync-error");
                return text.isEmpty() ? null : text;
            });
            assertTrue(error.startsWith("Failed to sync analytics data: ") && error.contains("down for maintenance"),
                    error);

            browser.click(row + " button.pause");
            browser.until("paused", () -> browser.all(row + "[data-state='paused']").size() == 1);
            browser.click(row + " button.follow");
            browser.until("no longer followed", () -> browser.all(".live-integration").isEmpty());
            browser.screenshot("integrations");
            // The browser reports the failed provider answer only through the page; nothing else may go wrong.
            List<String> errors = browser.consoleErrors(Pattern.compile("integrations.* 40[34]"));
            assertTrue(errors.isEmpty(), "console errors: " + errors);
        }
    }
}
