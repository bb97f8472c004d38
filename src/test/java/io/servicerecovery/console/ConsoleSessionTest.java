package io.servicerecovery.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;

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
        assertThat(page.header("Location")).endsWith("/console/login");
    }

    @Test
    void theSessionCookieIsForTheConsoleOnlyAndNeverAuthorizesTheApi() {
        Response signIn = signIn("agent-ana");
        String session = signIn.cookie("quarkus-credential");
        assertThat(session).isNotBlank();
        assertThat(signIn.detailedCookie("quarkus-credential").getPath()).isEqualTo("/console");
        assertThat(signIn.detailedCookie("quarkus-credential").isHttpOnly()).isTrue();

        // the console accepts it ...
        given().cookie("quarkus-credential", session).redirects().follow(false).get("/console")
                .then().statusCode(200);
        // ... the API does not, even if a client sends it there on purpose
        given().cookie("quarkus-credential", session).get("/api/tasks")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        CookieFilter cookies = new CookieFilter();
        signIn("agent-ana", cookies);
        given().filter(cookies).get("/console/profile").then().statusCode(200);

        given().filter(cookies).redirects().follow(false).formParams(Map.of("displayName", "Mallory"))
                .post("/console/profile").then().statusCode(400);

        String page = given().filter(cookies).get("/console/profile").asString();
        assertThat(page).doesNotContain("Mallory");
    }

    private static Response signIn(String user) {
        return signIn(user, new CookieFilter());
    }

    private static Response signIn(String user, CookieFilter cookies) {
        Response answer = given().filter(cookies).redirects().follow(false)
                .formParams(Map.of("j_username", user, "j_password", user))
                .post("/console/j_security_check");
        assertThat(answer.statusCode()).isEqualTo(302);
        return answer;
    }
}
