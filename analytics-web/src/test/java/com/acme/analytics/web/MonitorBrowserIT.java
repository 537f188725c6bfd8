package com.acme.analytics.web;

import com.acme.analytics.web.support.Deployments;
import com.acme.analytics.web.support.InBrowser;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The system monitor page in Chromium: for an admin, lights for every component and figures that keep
 * updating from system_status; for a token the endpoint refuses (or an instance without it), a banner.
 */
class MonitorBrowserIT extends InBrowser {

    private static final Pattern REFUSED = Pattern.compile("status of 40[34]");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    private void openAs(String role) throws Exception {
        openWith(tenant.token(role));
    }

    private void openWith(String token) throws Exception {
        browser.open(base + "#token=" + token);
        browser.until("signed in", () -> browser.find("#signin").getAttribute("hidden") != null);
        browser.js("location.hash = '#/system'");
        browser.until("the monitor page", () -> !browser.all("#health").isEmpty());
    }

    @Test
    void showsLightsAndLiveFiguresToAnAdmin() throws Exception {
        openAs("admin");
        browser.until("the REST figures", () -> Integer.parseInt(attr("updates")) >= 1);
        String first = browser.text("#monitor-stamp");
        browser.until("a pushed system_status", () -> Integer.parseInt(attr("updates")) >= 3);
        assertTrue(!first.equals(browser.text("#monitor-stamp")), "the figures were updated");
        assertTrue(Set.of("healthy", "degraded", "down").contains(browser.attribute("#overall", "data-state")));
        assertEquals(4L, (long) browser.until("the lights read", () -> browser.all(".lights li[data-state]").stream()
                .filter(l -> !"unknown".equals(l.getAttribute("data-state"))).count()), browser.text(".lights"));
        assertTrue(Integer.parseInt(browser.attribute("#chart-cpu", "data-points")) >= 3);
        assertTrue(browser.attribute("#monitor-error", "hidden") != null);
        assertTrue(browser.consoleErrors().isEmpty());
        browser.screenshot("system-monitor");
    }

    @Test
    void saysSoWhenTheMonitorIsRefused() throws Exception {
        openAs("member");
        String banner = browser.until("the banner", () -> {
            String t = browser.text("#monitor-error");
            return t.isEmpty() ? null : t;
        });
        assertTrue(banner.contains("operator or admin") || banner.contains("no system monitor"), banner);
        assertEquals("unknown", browser.text("#overall"), "no figure is made up");
        List<String> errors = browser.consoleErrors(REFUSED);
        assertTrue(errors.isEmpty(), "console errors: " + errors);
    }

    private String attr(String name) {
        return (String) browser.js("return document.getElementById('view').dataset." + name + " || '0'");
    }
}
