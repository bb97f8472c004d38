package io.servicerecovery.cases;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.MovableClock;

/** Keys are remembered for a day and then swept; one client cannot flood case creation. */
@QuarkusTest
class IdempotencyExpiryAndRateLimitTest {

    @Inject
    IdempotencyKeys keys;
    @Inject
    EntityManager em;

    @Test
    void aKeyIsForgottenAfterItsRetentionAndSwept() {
        String key = "expiring-" + UUID.randomUUID();
        Api.as("crm-acme").header("Idempotency-Key", key).body(aCase().build()).post("/api/cases").then().statusCode(201);
        Api.as("crm-acme").header("Idempotency-Key", key).body(aCase().build()).post("/api/cases").then().statusCode(422);

        MovableClock clock = new MovableClock();
        QuarkusMock.installMockForType(clock, Clock.class);
        clock.advance(Duration.ofHours(25));
        keys.sweepExpired();
        long left = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(r) from IdempotencyRecord r where r.key = :key", Long.class)
                .setParameter("key", key).getSingleResult());
        assertThat(left).isZero();
        // After the retention the key is free again.
        Api.as("crm-acme").header("Idempotency-Key", key).body(aCase().build()).post("/api/cases").then().statusCode(201);
    }

    @Test
    void aClientAboveItsAllowanceGets429WithRetryAfter() {
        // crm-throttled may open 3 cases a minute (test configuration).
        for (int i = 0; i < 3; i++) {
            Api.as("crm-throttled").header("Idempotency-Key", UUID.randomUUID().toString()).body(aCase().build())
                    .post("/api/cases").then().statusCode(201);
        }
        Api.as("crm-throttled").header("Idempotency-Key", UUID.randomUUID().toString()).body(aCase().build())
                .post("/api/cases").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .body("status", equalTo(429));
        // Other clients are not held back by it.
        Api.as("crm-acme").header("Idempotency-Key", UUID.randomUUID().toString()).body(aCase().build())
                .post("/api/cases").then().statusCode(201);
    }

    @Test
    void aBodyAboveTheLimitIsRefusedBeforeItIsRead() {
        Api.as("crm-acme").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(aCase().failure("description", "x".repeat(300 * 1024)).build())
                .post("/api/cases").then().statusCode(413);
    }
}
