package com.acme.analytics.web;

import com.acme.analytics.web.support.Deployments;
import com.acme.analytics.web.support.InBrowser;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CSV jobs pages in Chromium against the real WAR: a CSV generated in the page is dropped on the drop zone,
 * its progress bars follow the job over /ws to the end, the report shows the alerts before the columns and a
 * histogram per numeric column; a job is cancelled (or, when already done, deleted) from the list.
 */
class JobsBrowserIT extends InBrowser {

    /** Drops a generated CSV: a numeric column, a constant one (alert "constant"), a text one. */
    private static final String DROP = "const rows = ['n,c,t'];"
            + "for (let i = 0; i < arguments[0]; i++) rows.push(i + ',same,t' + (i % 7));"
            + "const dt = new DataTransfer();"
            + "dt.items.add(new File([rows.join('\\n') + '\\n'], arguments[1], {type: 'text/csv'}));"
            + "document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @BeforeEach
    void signedInOnTheJobsPage() throws Exception {
        browser.open(base + "#token=" + tenant.token("member"));
        browser.until("signed in", () -> browser.find("#signin").getAttribute("hidden") != null);
        browser.js("location.hash = '#/jobs'");
        browser.until("the jobs page", () -> !browser.all("#drop-zone").isEmpty()
                && !browser.text("#job-list").startsWith("Loading"));
    }

    @AfterEach
    void noConsoleErrors() {
        List<String> errors = browser.consoleErrors();
        assertTrue(errors.isEmpty(), "console errors: " + errors);
    }

    @Test
    void dropsACsvFollowsItsStagesToTheEndAndShowsTheReportAlertsFirst() {
        browser.js(DROP, 2000, "small.csv");
        WebElement progress = browser.until("the upload's progress", () -> browser.all(".job-progress").stream()
                .findFirst().orElse(null));
        String stage = browser.until("the job to end", () -> {
            String s = progress.getAttribute("data-stage");
            return "insights_ready".equals(s) || "error".equals(s) ? s : null;
        });
        assertEquals("insights_ready", stage, "the job failed: " + progress.getText());
        assertEquals(List.of("100", "100", "100", "100"), browser.all(".job-progress progress").stream()
                .map(p -> p.getAttribute("value")).toList());
        browser.until("the list shows it done", () -> browser.all("#job-list tr[data-status='done']").size() == 1);

        browser.find(".job-progress h3 a").click();
        browser.until("the report", () -> !browser.all("#alerts").isEmpty());
        assertTrue((Boolean) browser.js("return !!(document.getElementById('alerts').compareDocumentPosition("
                + "document.querySelector('.column')) & Node.DOCUMENT_POSITION_FOLLOWING)"), "alerts come first");
        assertTrue(browser.all("#alerts .alert[data-kind='constant']").stream()
                .anyMatch(a -> a.getText().contains("c")), browser.text("#alerts"));
        String bins = browser.until("a histogram of n", () ->
                browser.find(".column[data-column='n'] .histogram").getAttribute("data-bins"));
        assertTrue(Integer.parseInt(bins) > 1, "bins: " + bins);
        assertTrue(browser.all(".column[data-column='t'] .histogram").isEmpty(), "no histogram of a text column");
        browser.screenshot("jobs-report");
    }

    @Test
    void cancelsAJobFromTheList() {
        browser.js(DROP, 1500000, "large.csv");
        WebElement button = browser.until("the job in the list", () -> browser.all("#job-list tr[data-job] button")
                .stream().findFirst().orElse(null));
        String id = browser.find("#job-list tr[data-job]").getAttribute("data-job");
        boolean running = button.getText().equals("Cancel");
        button.click();
        if (running) {
            browser.until("the job cancelled", () -> {
                String state = browser.find(".job-progress[data-job='" + id + "']").getAttribute("data-stage");
                return "error".equals(state) || "insights_ready".equals(state);
            });
            String text = browser.text(".job-progress[data-job='" + id + "'] .job-message");
            assertTrue(text.contains("cancelled"), "the job's end: " + text);
        } else {
            browser.until("the job deleted", () -> browser.all("#job-list tr[data-job='" + id + "']").isEmpty());
        }
    }
}
