package io.servicerecovery.console;

import java.net.URL;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * What every console browser test starts from: a new Chromium with an empty profile speaking English, opened
 * before each test on the test instance of the service and closed after it (which fails the test on a
 * Content-Security-Policy violation it did not expect, see {@link Browser}).
 */
abstract class BrowserTest {

    @TestHTTPResource("/")
    URL base;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(base.toString(), "en");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
