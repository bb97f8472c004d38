package io.servicerecovery.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.servicerecovery.support.CaseRequests;
import io.servicerecovery.support.ConsoleSignIn;
import io.servicerecovery.support.Recovery;

/**
 * Every console answer carries the browser security headers (ConsoleHeaders): pages, htmx fragments, the
 * sign-in page, redirects and errors; the email preview has a policy of its own; the API and Swagger UI do
 * not get the console's.
 */
@QuarkusTest
class ConsoleHeadersTest {

    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Test
    void theSignInPageCarriesTheConsolesHeaders() {
        Response page = given().get("/console/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertConsolePage(page, "/console/login");
        assertThat(page.header("Strict-Transport-Security")).as("HSTS, off unless behind TLS").isNull();
    }

    @Test
    void everyPageNamesAnIconTheBrowserCanLoadBeforeSigningIn() {
        assertThat(given().get("/console/login").body().asString())
                .contains("<link rel=\"icon\" href=\"/console/icon.svg\" type=\"image/svg+xml\">");
        assertThat(ok(ConsoleSignIn.as("agent-ana"), "/console/work").body().asString())
                .contains("href=\"/console/icon.svg\"");
        Response icon = given().redirects().follow(false).get("/console/icon.svg");
        assertThat(icon.statusCode()).as("no 404 in every page's network log").isEqualTo(200);
        assertThat(icon.contentType()).startsWith("image/svg+xml");
    }

    @Test
    void everyPageAndFragmentOfASignedInPersonCarriesThem() {
        String caseId = Recovery.open("crm-acme", CaseRequests.aCase());
        ConsoleSignIn ana = ConsoleSignIn.as("agent-ana");
        for (String path : List.of("/console", "/console/inbox/lists", "/console/work", "/console/profile",
                "/console/cases/" + caseId)) {
            assertConsolePage(ok(ana, path), path);
        }
        ConsoleSignIn max = ConsoleSignIn.as("manager-max");
        for (String path : List.of("/console/approvals", "/console/approvals/list", "/console/empowerment",
                "/console/empowerment/audit", "/console/empowerment/levels/AGENT", "/console/what-if",
                "/console/dashboard")) {
            assertConsolePage(ok(max, path), path);
        }
        assertConsolePage(ok(ConsoleSignIn.as("admin"), "/console/incidents"), "/console/incidents");
    }

    @Test
    void redirectsRefusalsAndErrorsCarryThemToo() {
        Response toSignIn = given().redirects().follow(false).get("/console/work");
        assertThat(toSignIn.statusCode()).isEqualTo(302);
        assertConsolePage(toSignIn, "the redirect to the sign-in page");

        Response wrongPassword = ConsoleSignIn.signIn(new io.restassured.filter.cookie.CookieFilter(), "agent-ana",
                "wrong");
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertConsolePage(wrongPassword, "a failed sign-in");

        Response crossSite = given().redirects().follow(false).header("Sec-Fetch-Site", "cross-site")
                .formParams(Map.of("j_username", "agent-ana", "j_password", "agent-ana")).post("/console/login");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertConsolePage(crossSite, "a cross-site sign-in");

        ConsoleSignIn ana = ConsoleSignIn.as("agent-ana");
        Response noToken = ana.request().formParams(Map.of("displayName", "Mallory")).post("/console/profile");
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertConsolePage(noToken, "a form without its CSRF token");

        Response unknownCase = ana.request().get("/console/cases/" + UUID.randomUUID());
        assertThat(unknownCase.statusCode()).isEqualTo(404);
        assertConsolePage(unknownCase, "an unknown case");

        Response nothingThere = ana.request().get("/console/nothing-here");
        assertThat(nothingThere.statusCode()).isEqualTo(404);
        assertConsolePage(nothingThere, "an unknown console path");

        Response forbidden = ana.request().get("/console/approvals");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertConsolePage(forbidden, "a manager's page for an agent");
    }

    @Test
    void theEmailPreviewHasItsOwnPolicyThatAllowsTheEmailsStylesAndNoScripts() {
        String caseId = Recovery.open("crm-acme", CaseRequests.aCase());
        ConsoleSignIn ana = ConsoleSignIn.as("agent-ana");
        Map.Entry<String, String> csrf = ana.csrfField();

        Response preview = ana.request()
                .formParams(Map.of(csrf.getKey(), csrf.getValue(), "message", "We sent the wrong size: that was our mistake."))
                .post("/console/cases/" + caseId + "/live/preview");

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.contentType()).startsWith("text/html");
        assertThat(preview.asString()).contains("We sent the wrong size: that was our mistake.").contains("style=");
        assertThat(preview.header("Content-Security-Policy"))
                .isEqualTo("default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; "
                        + "frame-ancestors 'self'");
        assertThat(preview.header("X-Frame-Options")).isEqualTo("SAMEORIGIN");
        assertThat(preview.header("Cache-Control")).isEqualTo("no-store");
        assertThat(preview.header("X-Content-Type-Options")).isEqualTo("nosniff");

        // and like every form of the console, not without its CSRF token
        ana.request().formParams(Map.of("message", "We sent the wrong size: that was our mistake."))
                .post("/console/cases/" + caseId + "/live/preview").then().statusCode(403);
    }

    @Test
    void theConsolesStylesheetAndScriptsMayBeCachedButAreNeverSniffed() {
        Response css = given().get("/console/console.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(css.header("Cache-Control")).doesNotContain("no-store");

        Response script = ConsoleSignIn.as("manager-max").request().get("/console/approvals.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.contentType()).contains("javascript");
        assertThat(script.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(script.header("Cache-Control")).doesNotContain("no-store");

        Response htmx = given().get("/webjars/htmx.org/dist/htmx.min.js");
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.contentType()).contains("javascript");
        assertThat(htmx.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(htmx.header("Content-Security-Policy")).isNull();
    }

    @Test
    void swaggerUiAndTheApiDoNotGetTheConsolesHeaders() {
        Response swagger = given().get("/q/swagger-ui/");
        assertThat(swagger.statusCode()).isEqualTo(200);
        assertThat(swagger.header("Content-Security-Policy")).isNull();
        assertThat(swagger.header("X-Frame-Options")).isNull();

        Response api = given().get("/api/tasks");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.header("Content-Security-Policy")).isNull();
        assertThat(api.header("Cache-Control")).isNotEqualTo("no-store");
    }

    private static Response ok(ConsoleSignIn person, String path) {
        Response page = person.request().get(path);
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        return page;
    }

    static void assertConsolePage(Response answer, String what) {
        assertThat(answer.header("Content-Security-Policy")).as("CSP of " + what).isEqualTo(PAGE_POLICY);
        assertThat(answer.header("X-Frame-Options")).as("X-Frame-Options of " + what).isEqualTo("DENY");
        assertThat(answer.header("X-Content-Type-Options")).as("nosniff of " + what).isEqualTo("nosniff");
        assertThat(answer.header("Referrer-Policy")).as("Referrer-Policy of " + what).isEqualTo("same-origin");
        assertThat(answer.header("Cache-Control")).as("Cache-Control of " + what).isEqualTo("no-store");
    }
}
