package io.servicerecovery.cases;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.servicerecovery.common.DomainException;
import io.servicerecovery.common.Json;
import io.servicerecovery.common.ProblemMappers;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.CaseRequests;
import io.servicerecovery.support.MovableClock;

/**
 * The documented time-dependent rules of case intake, with a clock the test moves (docs/api-guide.md,
 * "Idempotency-Key" and "Rate limit"): a key whose request died is taken over after the in-flight timeout (1 minute), a key
 * is freed after a request that failed, an expired key is free even before the sweep removes it, a throttled
 * client's bucket refills and Retry-After says when, and the 90-day repeat-failure window.
 */
@QuarkusTest
class IdempotencyAndRateLimitClockTest {

    @Inject
    IdempotencyKeys keys;
    @Inject
    CaseIntake intake;
    @Inject
    Json json;
    @Inject
    jakarta.persistence.EntityManager em;

    MovableClock clock;

    @BeforeEach
    void movableClock() {
        clock = new MovableClock();
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    @Test
    void aKeyWhoseRequestDiedIsTakenOverAfterOneMinute() {
        CaseRequests request = aCase();
        String key = "died-" + UUID.randomUUID();
        // A request claimed the key and its replica died before answering: the key stays IN_FLIGHT.
        assertThat(keys.claim("crm-acme", key, hashOf(request))).isInstanceOf(IdempotencyKeys.Claimed.class);

        post(key, request).statusCode(409).body("type", endsWith("idempotency-key-in-flight"));
        clock.advance(Duration.ofSeconds(59));
        post(key, request).statusCode(409);
        clock.advance(Duration.ofSeconds(2));
        String caseId = post(key, request).statusCode(201).extract().path("id");
        // ...and from then on the key is this case's: a retry replays it.
        post(key, request).statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(caseId));
    }

    /**
     * A request that is still working after the in-flight timeout has lost its key to the client's retry: it may
     * neither store its answer (its case would be a second one for the key) nor free the key the retry now holds.
     */
    @Test
    void aRequestThatRanPastTheInFlightTimeoutNeitherAnswersNorFreesTheKeyItLost() {
        CaseRequests request = aCase();
        String key = "slow-" + UUID.randomUUID();
        IdempotencyKeys.Claimed slow = (IdempotencyKeys.Claimed) keys.claim("crm-acme", key, hashOf(request));
        clock.advance(Duration.ofSeconds(61));
        IdempotencyKeys.Claimed retry = (IdempotencyKeys.Claimed) keys.claim("crm-acme", key, hashOf(request));

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(
                () -> keys.complete("crm-acme", key, slow, "{}", UUID.randomUUID())))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(ProblemMappers.statusOf(refused)).isEqualTo(409));
        keys.release("crm-acme", key, slow);
        // The retry still holds the key: a third request with it waits for the retry's answer.
        post(key, request).statusCode(409).body("type", endsWith("idempotency-key-in-flight"));

        keys.release("crm-acme", key, retry);
        post(key, request).statusCode(201).header("Idempotent-Replayed", nullValue());
    }

    @Test
    void aKeyIsFreedAfterARequestThatFailed() {
        CaseRequests first = aCase();
        post(UUID.randomUUID().toString(), first).statusCode(201);
        String key = "failed-" + UUID.randomUUID();
        // The externalRef is already taken by another key: the request fails (409) ...
        post(key, aCase().externalRef(first.externalRef())).statusCode(409);
        // ... and the key is not kept for it: the corrected request with the same key opens the case.
        post(key, aCase()).statusCode(201).header("Idempotent-Replayed", nullValue());
    }

    @Test
    void anExpiredKeyIsFreeEvenBeforeTheSweepRemovesIt() {
        String key = "expired-" + UUID.randomUUID();
        post(key, aCase()).statusCode(201);
        post(key, aCase()).statusCode(422);
        clock.advance(Duration.ofHours(23).plusMinutes(59));
        post(key, aCase()).statusCode(422);
        clock.advance(Duration.ofMinutes(2));
        // No sweep has run (it runs hourly and the test did not call it): the record is there, but expired.
        post(key, aCase()).statusCode(201);
    }

    @Test
    void aThrottledClientIsToldWhenToRetryAndItsAllowanceRefills() {
        // The allowance is kept in the database, which may be one that earlier runs (with clocks moved ahead) left
        // behind: the client starts with a full bucket.
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                "delete from CaseCreationAllowance a where a.clientId = 'crm-refill'").executeUpdate());
        // crm-refill may open 2 cases a minute (test configuration): one token every 30 s.
        post("crm-refill", UUID.randomUUID().toString(), aCase()).statusCode(201);
        post("crm-refill", UUID.randomUUID().toString(), aCase()).statusCode(201);
        post("crm-refill", UUID.randomUUID().toString(), aCase()).statusCode(429).header("Retry-After", "30")
                .body("detail", containsString("retry after 30 s"));
        clock.advance(Duration.ofSeconds(20));
        post("crm-refill", UUID.randomUUID().toString(), aCase()).statusCode(429).header("Retry-After", "10");
        clock.advance(Duration.ofSeconds(10));
        post("crm-refill", UUID.randomUUID().toString(), aCase()).statusCode(201);
        post("crm-refill", UUID.randomUUID().toString(), aCase()).statusCode(429).header("Retry-After", "30");
        // A long pause refills the bucket to its size, not beyond: two, then refused.
        clock.advance(Duration.ofMinutes(10));
        post("crm-refill", UUID.randomUUID().toString(), aCase()).statusCode(201);
        post("crm-refill", UUID.randomUUID().toString(), aCase()).statusCode(201);
        post("crm-refill", UUID.randomUUID().toString(), aCase()).statusCode(429);
    }

    @Test
    void aFailureOfTheSameCustomerExactlyNinetyDaysAgoIsARepeatAndOneSecondEarlierIsNot() {
        Instant now = clock.instant();
        String inside = "C-" + UUID.randomUUID();
        String outside = "C-" + UUID.randomUUID();
        post(UUID.randomUUID().toString(), aCase().customer("id", inside)
                .failure("occurredAt", now.minus(Duration.ofDays(90)).toString())).statusCode(201)
                .body("repeatFailure", equalTo(false));
        post(UUID.randomUUID().toString(), aCase().customer("id", outside)
                .failure("occurredAt", now.minus(Duration.ofDays(90)).minusSeconds(1).toString())).statusCode(201);

        post(UUID.randomUUID().toString(), aCase().customer("id", inside)).statusCode(201)
                .body("repeatFailure", equalTo(true));
        post(UUID.randomUUID().toString(), aCase().customer("id", outside)).statusCode(201)
                .body("repeatFailure", equalTo(false));
    }

    private String hashOf(CaseRequests request) {
        return intake.fingerprint(json.mapper().convertValue(request.build(), OpenCaseRequest.class));
    }

    private static ValidatableResponse post(String key, CaseRequests request) {
        return post("crm-acme", key, request);
    }

    private static ValidatableResponse post(String crm, String key, CaseRequests request) {
        return Api.as(crm).header("Idempotency-Key", key).body(request.build()).post("/api/cases").then();
    }
}
