package io.servicerecovery.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;

/**
 * A stub of the company's OpenID Connect provider (WireMock on a free port): discovery, keys, an authorize
 * endpoint that signs the person in at once and sends the browser back with a code, a token endpoint that
 * answers that code (for this client and secret only) with an ID token signed by a key of its own, and an
 * end-session endpoint. The ID token says who signed in: {@link #USER} with the name {@link #NAME} and the
 * provider's group {@code agent}.
 */
public class StubOidcProvider implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "service-recovery-console";
    public static final String CLIENT_SECRET = "stub-provider-client-secret-0123456789";
    public static final String USER = "agent-olga";
    public static final String NAME = "Olga Berg";
    public static final String REALM = "/realms/company";
    static final String CODE = "stub-authorization-code";
    private static final String KEY_ID = "stub-key";

    private static WireMockServer server;
    private static String idToken;
    private static FreshSignIns signIns;

    /** The ID token the provider hands out: good for the console's sign-in, not for the API. */
    public static String idToken() {
        return idToken;
    }

    public static String baseUrl() {
        return server.baseUrl() + REALM;
    }

    @Override
    public Map<String, String> start() {
        KeyPair keys = rsaKeys();
        signIns = new FreshSignIns(keys);
        server = new WireMockServer(options().dynamicPort().extensions(signIns));
        server.start();
        String issuer = baseUrl();
        signIns.issuer = issuer;

        server.stubFor(get(urlEqualTo(REALM + "/.well-known/openid-configuration")).willReturn(json("""
                {"issuer": "%1$s",
                 "authorization_endpoint": "%1$s/authorize",
                 "token_endpoint": "%1$s/token",
                 "jwks_uri": "%1$s/certs",
                 "end_session_endpoint": "%1$s/logout",
                 "response_types_supported": ["code"],
                 "subject_types_supported": ["public"],
                 "id_token_signing_alg_values_supported": ["RS256"]}""".formatted(issuer))));
        server.stubFor(get(urlEqualTo(REALM + "/certs")).willReturn(json(jwks((RSAPublicKey) keys.getPublic()))));

        // The person is signed in at the provider already: straight back to the service with a code.
        server.stubFor(get(urlPathEqualTo(REALM + "/authorize")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "{{request.query.redirect_uri}}?state={{request.query.state}}&code=" + CODE)
                .withTransformers("response-template")));

        String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes());
        idToken = signIns.idToken();
        // Each code exchange is a new sign-in at the provider: a new ID token with a session id (sid) of its own.
        server.stubFor(post(urlEqualTo(REALM + "/token")).withHeader("Authorization", containing(basic))
                .withRequestBody(containing("code=" + CODE)).willReturn(aResponse()
                        .withHeader("Content-Type", "application/json").withTransformers(FreshSignIns.TRANSFORMER)));

        server.stubFor(get(urlPathEqualTo(REALM + "/logout")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "{{request.query.post_logout_redirect_uri}}")
                .withTransformers("response-template")));

        return Map.of(
                "quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.auth-server-url", issuer,
                "quarkus.oidc.client-id", CLIENT_ID,
                "quarkus.oidc.credentials.secret", CLIENT_SECRET);
    }

    /**
     * What the provider posts to the service's back-channel logout when the person is signed out there (or
     * disabled): a logout token for their subject, signed with the provider's key.
     */
    public static String logoutToken() {
        return Jwt.issuer(signIns.issuer).audience(CLIENT_ID).subject("7f3c-olga").issuedAt(Instant.now())
                .claim("jti", java.util.UUID.randomUUID().toString())
                .claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()))
                .jws().keyId(KEY_ID).sign(signIns.keys.getPrivate());
    }

    /** Answers the token endpoint with a new sign-in each time, as a provider does. */
    static final class FreshSignIns implements com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2 {
        static final String TRANSFORMER = "fresh-sign-ins";
        private final KeyPair keys;
        volatile String issuer;

        FreshSignIns(KeyPair keys) {
            this.keys = keys;
        }

        String idToken() {
            Instant now = Instant.now();
            return Jwt.issuer(issuer).audience(CLIENT_ID).subject("7f3c-olga").claim("preferred_username", USER)
                    .claim("name", NAME).claim("sid", java.util.UUID.randomUUID().toString()).groups("agent")
                    .issuedAt(now).expiresAt(now.plusSeconds(3600)).jws().keyId(KEY_ID).sign(keys.getPrivate());
        }

        @Override
        public com.github.tomakehurst.wiremock.http.ResponseDefinition transform(
                com.github.tomakehurst.wiremock.stubbing.ServeEvent event) {
            String token = idToken();
            return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder
                    .like(event.getResponseDefinition()).but().withBody("""
                            {"access_token": "%1$s", "id_token": "%1$s", "refresh_token": "stub-refresh-token",
                             "token_type": "Bearer", "expires_in": 3600}""".formatted(token)).build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return TRANSFORMER;
        }
    }

    /** How often the service asked the provider for tokens with this client's code. */
    public static int tokenRequests() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(urlEqualTo(REALM + "/token"))).size();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jwks(RSAPublicKey key) {
        return """
                {"keys": [{"kty": "RSA", "use": "sig", "alg": "RS256", "kid": "%s", "n": "%s", "e": "%s"}]}"""
                .formatted(KEY_ID, base64Url(key.getModulus()), base64Url(key.getPublicExponent()));
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }
}
