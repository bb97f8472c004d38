package io.servicerecovery.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Another site cannot show the console in a frame (clickjacking): a page served from another origin
 * (127.0.0.1 on a port of its own, while the console is at localhost) frames the sign-in page and, for a
 * signed-in person, the inbox; Chromium refuses both for frame-ancestors 'none' and the frames show no console.
 */
@QuarkusTest
class ConsoleFramingBrowserTest {

    @TestHTTPResource("/")
    URL base;

    Browser browser;
    HttpServer otherSite;

    @BeforeEach
    void open() throws IOException {
        browser = Browser.open(base.toString(), "en");
        otherSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        otherSite.createContext("/", exchange -> {
            String console = base.toString().replaceAll("/$", "") + exchange.getRequestURI().getQuery();
            byte[] page = ("<!DOCTYPE html><html lang=\"en\"><head><title>Another site</title></head><body>"
                    + "<h1 id=\"other\">Another site</h1><iframe id=\"framed\" src=\"" + console + "\"></iframe>"
                    + "</body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        otherSite.start();
    }

    @AfterEach
    void close() {
        if (otherSite != null) {
            otherSite.stop(0);
        }
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anotherSiteCannotFrameTheSignInPage() {
        assertNotFramed("/console/login", By.id("j_username"));
    }

    @Test
    void anotherSiteCannotFrameTheConsoleOfASignedInPerson() {
        browser.signIn("agent-ana");
        assertThat(browser.find(By.id("signed-in")).getText()).contains("Ana");
        assertNotFramed("/console", By.id("signed-in"));
    }

    /** Opens the other site framing this console path and checks the frame shows none of the console. */
    private void assertNotFramed(String path, By consoleElement) {
        browser.driver().get("http://127.0.0.1:" + otherSite.getAddress().getPort() + "/?" + path);
        browser.find(By.id("other"));
        List<String> refused = new ArrayList<>();
        browser.await().until(d -> {
            refused.addAll(browser.cspViolations());
            return refused.stream().anyMatch(m -> m.contains("frame-ancestors 'none'"));
        });
        assertThat(refused).allMatch(m -> m.contains("Framing '" + base.toString()) && m.contains("frame-ancestors 'none'"));

        browser.driver().switchTo().frame("framed");
        try {
            assertThat(browser.all(consoleElement)).as("the console in the other site's frame").isEmpty();
        } finally {
            browser.driver().switchTo().defaultContent();
        }
    }
}
