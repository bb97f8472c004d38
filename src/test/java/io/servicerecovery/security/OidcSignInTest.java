package io.servicerecovery.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.servicerecovery.profile.StaffProfiles;
import io.servicerecovery.support.Eventually;
import io.servicerecovery.support.StubOidcProvider;
import io.servicerecovery.support.Tokens;

/**
 * The console's production sign-in: the OpenID Connect code flow against a stub provider, with the API's
 * smallrye-jwt bearer tokens in the same application. Plain HTTP, each redirect followed by hand so that
 * every hop can be checked.
 */
@QuarkusTest
@TestProfile(OidcSignInTest.OidcSignIn.class)
public class OidcSignInTest {

    /** Production's authentication: no form, no basic auth, OIDC on for the console (see StubOidcProvider). */
    public static class OidcSignIn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "recovery.console.form-sign-in", "false",
                    "quarkus.http.auth.basic", "false",
                    "quarkus.http.auth.permission.console.auth-mechanism", "code",
                    "quarkus.http.auth.permission.api.auth-mechanism", "bearer");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StubOidcProvider.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Inject
    StaffProfiles profiles;

    @Test
    void signsInThroughTheProviderAndShowsTheProvidersNameOnTheInbox() {
        Map<String, String> jar = new HashMap<>();

        // given: the console sends an unknown browser to the provider, for this client, back to /console/signed-in
        Response challenge = hop(URI.create("/console"), jar);
        assertThat(challenge.statusCode()).isEqualTo(302);
        URI authorize = URI.create(challenge.header("Location"));
        assertThat(authorize.toString()).startsWith(StubOidcProvider.baseUrl() + "/authorize?")
                .contains("client_id=" + StubOidcProvider.CLIENT_ID).contains("response_type=code")
                .contains("%2Fconsole%2Fsigned-in");

        // when: the provider signs her in and sends her back with a code, which the service exchanges
        Response back = hop(authorize, jar);
        assertThat(back.statusCode()).isEqualTo(302);
        Response signedIn = hop(URI.create(back.header("Location")), jar);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(URI.create(signedIn.header("Location")).getPath()).isEqualTo("/console");
        Cookie session = signedIn.detailedCookie("q_session");
        assertThat(session).as("the OIDC session cookie").isNotNull();
        assertThat(session.getPath()).isEqualTo("/console");
        assertThat(session.isHttpOnly()).isTrue();

        // then: the inbox greets her with the provider's name, which is also what customers will see
        Response inbox = hop(URI.create(signedIn.header("Location")), jar);
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.asString()).contains(StubOidcProvider.NAME);
        assertThat(profiles.of(StubOidcProvider.USER).displayName()).isEqualTo(StubOidcProvider.NAME);
    }

    @Test
    void theConsoleSessionNeverAuthorizesTheApi() {
        Map<String, String> jar = signIn();

        given().cookies(jar).get("/api/tasks")
                .then().statusCode(401).contentType("application/problem+json");
        given().cookies(jar).get("/api/cases")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void theApiKeepsItsOwnBearerTokens() {
        Tokens.bearer("agent-zoe", CurrentUser.AGENT).get("/api/tasks").then().statusCode(200);
        // the same token with a console session beside it: the token decides, the session is ignored
        Tokens.bearer("agent-zoe", CurrentUser.AGENT).cookies(signIn()).get("/api/tasks").then().statusCode(200);
        // the provider's own ID token is no API token: only the API's key, issuer and audience count there
        given().auth().oauth2(StubOidcProvider.idToken()).get("/api/tasks").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void theDemoSignInFormIsNotOfferedWhereTheProviderSignsPeopleIn() {
        Response form = given().redirects().follow(false).get("/console/login");
        assertThat(form.statusCode()).isEqualTo(303);
        assertThat(form.header("Location")).endsWith("/console");
    }

    @Test
    void aBearerTokenIsNoSessionForTheConsole() {
        Response page = Tokens.bearer("agent-zoe", CurrentUser.AGENT).accept("text/html").redirects().follow(false)
                .get("/console");
        assertThat(page.statusCode()).as("sent to the provider to sign in, not let in").isEqualTo(302);
        assertThat(page.header("Location")).startsWith(StubOidcProvider.baseUrl() + "/authorize?");
    }

    @Test
    void signingOutEndsTheSessionHereAndAtTheProvider() {
        Map<String, String> jar = signIn();

        Response out = given().cookies(jar).redirects().follow(false).post("/console/logout");
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.header("Location")).startsWith(StubOidcProvider.baseUrl() + "/logout?")
                .contains("id_token_hint=").contains("post_logout_redirect_uri=");
        assertThat(out.detailedCookie("q_session").getMaxAge()).as("the session cookie is removed").isZero();
    }

    @Test
    void aSessionCookieSavedBeforeSignOutOpensNothingAfterIt() {
        Map<String, String> jar = signIn();
        Map<String, String> saved = new HashMap<>(jar);
        assertThat(hop(URI.create("/console"), jar).statusCode()).isEqualTo(200);

        given().cookies(jar).redirects().follow(false).post("/console/logout").then().statusCode(302);

        // the cookie itself is still a valid encrypted session: only the server knows it was signed out
        Response replayed = given().cookies(saved).redirects().follow(false).accept("text/html").get("/console");
        // quarkus-oidc answers a session it cannot accept with 401 and removes its cookie; the next page goes to
        // the provider
        assertThat(replayed.statusCode()).isIn(302, 303, 401);
        assertThat(replayed.asString()).doesNotContain(StubOidcProvider.NAME);
        assertThat(replayed.detailedCookie("q_session").getMaxAge()).as("the browser is told to forget it").isZero();
    }

    @Test
    void theProvidersBackChannelLogoutEndsTheSessionHere() {
        Map<String, String> jar = signIn();
        assertThat(hop(URI.create("/console"), jar).statusCode()).isEqualTo(200);

        // the provider signs the person out (or an administrator disables her there)
        given().contentType("application/x-www-form-urlencoded")
                .formParam("logout_token", StubOidcProvider.logoutToken())
                .post("/console/back-channel-logout").then().statusCode(200);

        Response page = Eventually.await("the session ended", () -> given().cookies(jar).redirects().follow(false)
                .accept("text/html").get("/console"), answer -> answer.statusCode() != 200);
        assertThat(page.asString()).doesNotContain(StubOidcProvider.NAME);
    }

    /** The whole code flow; the browser's cookies afterwards (the session among them). */
    private static Map<String, String> signIn() {
        Map<String, String> jar = new HashMap<>();
        URI next = URI.create("/console");
        for (int hop = 0; hop < 3; hop++) {
            Response answer = hop(next, jar);
            assertThat(answer.statusCode()).isEqualTo(302);
            next = URI.create(answer.header("Location"));
        }
        assertThat(jar).containsKey("q_session");
        return jar;
    }

    /**
     * One request as a browser makes it: the service's cookies go to the service only (never to the provider),
     * and cookies the answer sets or removes are kept or forgotten.
     */
    private static Response hop(URI uri, Map<String, String> jar) {
        boolean toProvider = uri.isAbsolute() && uri.toString().startsWith(StubOidcProvider.baseUrl());
        var request = given().urlEncodingEnabled(false).redirects().follow(false).accept("text/html");
        if (!toProvider) {
            request.cookies(jar);
        }
        Response answer = request.get(uri.toString());
        if (!toProvider) {
            answer.detailedCookies().forEach(cookie -> {
                if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
                    jar.remove(cookie.getName());
                } else {
                    jar.put(cookie.getName(), cookie.getValue());
                }
            });
        }
        return answer;
    }
}
