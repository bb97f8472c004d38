package io.servicerecovery.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.servicerecovery.security.OidcSignInTest;
import io.servicerecovery.support.StubOidcProvider;

/**
 * Production's console: signed in through the OpenID Connect provider (the stub OidcSignInTest uses) and behind
 * TLS. Forms may also go to the provider (sign-out is redirected to its end-session endpoint, and Chromium
 * applies form-action to redirects), and browsers are told to come back over HTTPS only.
 */
@QuarkusTest
@TestProfile(ConsoleHeadersBehindTlsTest.BehindTls.class)
class ConsoleHeadersBehindTlsTest {

    /** OidcSignInTest's production authentication (no form, no basic auth, OIDC for the console), behind TLS. */
    public static class BehindTls extends OidcSignInTest.OidcSignIn {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new java.util.HashMap<>(super.getConfigOverrides());
            overrides.put("recovery.http.hsts", "true");
            return overrides;
        }
    }

    @Test
    void formsMayGoToTheProviderAndBrowsersAreToldToUseHttpsOnly() {
        URI provider = URI.create(StubOidcProvider.baseUrl());
        String providerOrigin = provider.getScheme() + "://" + provider.getHost() + ":" + provider.getPort();

        Response toProvider = given().redirects().follow(false).get("/console");
        assertThat(toProvider.statusCode()).isEqualTo(302);
        assertThat(toProvider.header("Location")).startsWith(providerOrigin);
        assertThat(toProvider.header("Content-Security-Policy"))
                .contains("; form-action 'self' " + providerOrigin + "; ")
                .contains("frame-ancestors 'none'");
        assertThat(toProvider.header("Strict-Transport-Security")).isEqualTo("max-age=31536000");
        assertThat(toProvider.header("Cache-Control")).isEqualTo("no-store");
    }
}
