package io.servicerecovery.support;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.Set;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/** Real JWTs signed with the test key, for callers that are not demo users (a fresh agent per test). */
public final class Tokens {

    public static final String ISSUER = "https://auth.test.service-recovery";

    private Tokens() {
    }

    public static String token(String subject, String... roles) {
        return Jwt.issuer(ISSUER).audience("service-recovery").subject(subject).groups(Set.of(roles))
                .expiresAt(Instant.now().plusSeconds(600)).sign();
    }

    public static RequestSpecification bearer(String subject, String... roles) {
        return given().auth().oauth2(token(subject, roles)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
