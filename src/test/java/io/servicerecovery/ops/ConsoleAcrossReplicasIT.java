package io.servicerecovery.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import io.servicerecovery.support.StubOidcProvider;
import io.servicerecovery.testkit.PackagedService;

/**
 * The console's sessions on the production build, two replicas on one PostgreSQL database, people signing in
 * through a stub OpenID Connect provider: a person signed in on one replica works on the other, and once she
 * signs out on the first, a copy of her session cookie opens nothing on the second. And production refuses to
 * start with the demo's console key.
 */
class ConsoleAcrossReplicasIT {

    private static final String SESSION_KEY = "it-session-key-9f2c7e1a5b3d8f6e0a4c2b7d9e1f3a5c";
    private static final String CSRF_KEY = "it-csrf-key-4e8a2c6f0b9d7e5a3c1f8b6d4a2e0c9f7";

    static StubOidcProvider provider;
    static PackagedService first;
    static PackagedService second;

    @BeforeAll
    static void twoReplicasWithTheConsoleOn() throws Exception {
        provider = new StubOidcProvider();
        Map<String, String> oidc = provider.start();
        first = ItDeployment.onFreshDatabase("console-replicas-it")
                .with("OIDC_ENABLED", "true")
                .with("OIDC_AUTH_SERVER_URL", oidc.get("quarkus.oidc.auth-server-url"))
                .with("OIDC_CLIENT_ID", oidc.get("quarkus.oidc.client-id"))
                .with("OIDC_CLIENT_SECRET", oidc.get("quarkus.oidc.credentials.secret"))
                .with("CONSOLE_SESSION_KEY", SESSION_KEY)
                .with("CONSOLE_CSRF_KEY", CSRF_KEY);
        first.start();
        first.awaitReady(Duration.ofSeconds(90));
        second = ItDeployment.replica(first, "console-replicas-it-2");
        second.start();
        second.awaitReady(Duration.ofSeconds(90));
    }

    @AfterAll
    static void stop() throws Exception {
        for (PackagedService service : new PackagedService[] { first, second }) {
            if (service != null) {
                service.stop();
            }
        }
        if (provider != null) {
            provider.stop();
        }
    }

    @Test
    void signingOutOnOneReplicaEndsTheSessionOnTheOther() {
        Map<String, String> browser = signIn(first);
        assertThat(page(second, browser).statusCode()).as("the session works on the other replica").isEqualTo(200);
        Map<String, String> saved = new HashMap<>(browser);

        Response out = given().baseUri(first.url()).cookies(browser).redirects().follow(false).post("/console/logout");
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.header("Location")).startsWith(StubOidcProvider.baseUrl() + "/logout?");

        Response replayed = page(second, saved);
        assertThat(replayed.statusCode()).as("a copy of the signed-out cookie on the other replica").isNotEqualTo(200);
        assertThat(replayed.asString()).doesNotContain(StubOidcProvider.NAME);
    }

    @Test
    void productionRefusesToStartWithTheDemosConsoleKey() throws Exception {
        PackagedService withDemoKey = ItDeployment.replica(first, "console-demo-key-it")
                .with("CONSOLE_CSRF_KEY", "demo-only-csrf-key-change-me-0123456789abcdef");
        withDemoKey.start();
        try {
            OptionalInt exit = withDemoKey.awaitExit(Duration.ofSeconds(90));
            assertThat(exit).as("the start is refused").isPresent();
            assertThat(exit.getAsInt()).isNotZero();
            assertThat(withDemoKey.latestLog()).contains("CONSOLE_CSRF_KEY").contains("demo");
        } finally {
            withDemoKey.stop();
        }
    }

    private static Response page(PackagedService replica, Map<String, String> cookies) {
        return given().baseUri(replica.url()).cookies(cookies).redirects().follow(false).accept("text/html")
                .get("/console");
    }

    /** The code flow on this replica, each redirect followed by hand; the browser's cookies afterwards. */
    private static Map<String, String> signIn(PackagedService replica) {
        Map<String, String> jar = new HashMap<>();
        URI next = URI.create(replica.url() + "/console");
        for (int hop = 0; hop < 3; hop++) {
            boolean toProvider = next.toString().startsWith(StubOidcProvider.baseUrl());
            var request = given().urlEncodingEnabled(false).redirects().follow(false).accept("text/html");
            if (!toProvider) {
                request.cookies(jar);
            }
            Response answer = request.get(next.isAbsolute() ? next.toString() : replica.url() + next);
            if (!toProvider) {
                answer.detailedCookies().forEach(c -> {
                    if (c.getMaxAge() == 0 || c.getValue().isEmpty()) {
                        jar.remove(c.getName());
                    } else {
                        jar.put(c.getName(), c.getValue());
                    }
                });
            }
            assertThat(answer.statusCode()).as("hop " + hop).isEqualTo(302);
            next = URI.create(answer.header("Location"));
        }
        assertThat(jar).containsKey("q_session");
        return jar;
    }
}
