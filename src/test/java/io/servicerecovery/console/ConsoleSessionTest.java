package io.servicerecovery.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import io.servicerecovery.support.ConsoleSignIn;

/**
 * The console's session and its forms, over plain HTTP: the session cookie is only good
 * for /console, never for /api, and a form posted without its CSRF token is refused.
 */
@QuarkusTest
class ConsoleSessionTest {

    @Test
    void theConsoleAsksToSignInFirst() {
        Response page = given().redirects().follow(false).get("/console");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.header("Location")).isEqualTo("/console/login?next=%2Fconsole");
    }

    @Test
    void theSessionCookieIsForTheConsoleOnlyAndNeverAuthorizesTheApi() {
        Response signIn = ConsoleSignIn.signIn(new CookieFilter(), "agent-ana", "agent-ana");
        assertThat(signIn.statusCode()).isEqualTo(303);
        String session = signIn.cookie(ConsoleSignIn.SESSION_COOKIE);
        assertThat(session).isNotBlank();
        assertThat(signIn.detailedCookie(ConsoleSignIn.SESSION_COOKIE).getPath()).isEqualTo("/console");
        assertThat(signIn.detailedCookie(ConsoleSignIn.SESSION_COOKIE).isHttpOnly()).isTrue();
        assertThat(signIn.detailedCookie(ConsoleSignIn.SESSION_COOKIE).getSameSite()).isEqualToIgnoringCase("Strict");

        // the console accepts it ...
        given().cookie(ConsoleSignIn.SESSION_COOKIE, session).redirects().follow(false).get("/console")
                .then().statusCode(200);
        // ... the API does not, even if a client sends it there on purpose
        given().cookie(ConsoleSignIn.SESSION_COOKIE, session).get("/api/tasks")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedWithAPageThatSaysSo() {
        CookieFilter cookies = ConsoleSignIn.signedIn("agent-ana");
        given().filter(cookies).get("/console/profile").then().statusCode(200);

        Response refused = given().filter(cookies).redirects().follow(false)
                .formParams(Map.of("displayName", "Mallory")).post("/console/profile");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("text/html");
        assertThat(refused.asString()).contains("Nothing was saved");

        String page = given().filter(cookies).get("/console/profile").asString();
        assertThat(page).doesNotContain("Mallory");
    }
}
