package com.acme.analytics.web.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Browser tests: one Chromium serves every test of a class (starting one costs seconds), each test in a
 * workspace of its own, with a wide window and the console read afresh.
 */
public abstract class InBrowser extends InNewWorkspace {

    protected static Browser browser;

    @BeforeEach
    void aFreshBrowser() {
        if (browser == null) {
            browser = new Browser();
        }
        browser.size(Browser.WIDE);
        browser.consoleErrors();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
