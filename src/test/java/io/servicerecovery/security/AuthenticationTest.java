package io.servicerecovery.security;

import static io.restassured.RestAssured.given;
import static io.servicerecovery.support.CaseRequests.aCase;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.servicerecovery.support.Api;
import io.smallrye.jwt.build.Jwt;

/** Production authentication is a bearer JWT, verified against the configured key, issuer and audience. */
@QuarkusTest
class AuthenticationTest {

    @Inject
    VerifiedBearerTokens verifiedTokens;

    static final String ISSUER = "https://auth.test.service-recovery";

    @Test
    void aCrmWithAValidTokenOpensCasesAsItself() {
        String token = token("crm-initech", Set.of("crm")).sign();
        String caseId = bearer(token).header("Idempotency-Key", UUID.randomUUID().toString()).body(aCase().build())
                .post("/api/cases").then().statusCode(201).extract().path("id");
        bearer(token).get("/api/cases/" + caseId).then().statusCode(200);
        // Its cases are its own: another client, even with the same role, does not see them.
        Api.as("crm-acme").get("/api/cases/" + caseId).then().statusCode(404);
    }

    @Test
    void refusesExpiredWrongIssuerWrongAudienceAndForeignKeyTokens() throws Exception {
        expectUnauthorized(token("crm-initech", Set.of("crm")).expiresAt(Instant.now().minusSeconds(60)).sign());
        expectUnauthorized(token("crm-initech", Set.of("crm")).issuer("https://evil.example.com").sign());
        expectUnauthorized(token("crm-initech", Set.of("crm")).audience("another-service").sign());
        var foreign = KeyPairGenerator.getInstance("RSA");
        foreign.initialize(2048);
        expectUnauthorized(token("crm-initech", Set.of("crm")).sign(foreign.generateKeyPair().getPrivate()));
        expectUnauthorized("not.a.jwt");
    }

    @Test
    void aTokenAcceptedBeforeDoesNotVouchForACopyWithOtherClaimsOrAnotherSignature() {
        String genuine = token("crm-initech", Set.of("crm")).sign();
        int remembered = verifiedTokens.size();
        bearer(genuine).get("/api/cases").then().statusCode(200);
        bearer(genuine).get("/api/cases").then().statusCode(200);
        assertEquals(remembered + 1, verifiedTokens.size(), "the request's token is the one remembered");

        String[] parts = genuine.split("\\.");
        String managerClaims = token("crm-initech", Set.of("crm", "manager")).sign().split("\\.")[1];
        expectUnauthorized(parts[0] + "." + managerClaims + "." + parts[2]);
        expectUnauthorized(parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? "B" : "A") + parts[2].substring(1));
        bearer(genuine).get("/api/cases").then().statusCode(200);
    }

    @Test
    void anonymousCallersGetA401Problem() {
        Api.anonymous().get("/api/cases").then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401));
        Api.anonymous().get("/api/tasks").then().statusCode(401);
        given().auth().preemptive().basic("agent-ana", "wrong").get("/api/tasks").then().statusCode(401);
    }

    @Test
    void theWrongRoleGetsA403Problem() {
        Api.as("agent-ana").header("Idempotency-Key", "k").body(aCase().build()).post("/api/cases").then()
                .statusCode(403).contentType("application/problem+json");
        Api.as("crm-acme").get("/api/tasks").then().statusCode(403).contentType("application/problem+json");
        bearer(token("agent-zoe", Set.of("agent")).sign()).get("/api/tasks").then().statusCode(200);
    }

    private static io.smallrye.jwt.build.JwtClaimsBuilder token(String subject, Set<String> roles) {
        return Jwt.issuer(ISSUER).audience("service-recovery").subject(subject).groups(roles)
                .expiresAt(Instant.now().plusSeconds(300));
    }

    private static void expectUnauthorized(String token) {
        bearer(token).get("/api/cases").then().statusCode(401).contentType("application/problem+json");
    }

    private static io.restassured.specification.RequestSpecification bearer(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
