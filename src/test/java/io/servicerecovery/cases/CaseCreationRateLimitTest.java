package io.servicerecovery.cases;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.servicerecovery.common.DomainException;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.CaseRequests;
import io.servicerecovery.support.MovableClock;

/**
 * The case-creation allowance (docs/api-guide.md, "Rate limit"): only requests that would open a case count, so
 * replays of an Idempotency-Key go through even when the client is at its limit; and the allowance is one for all
 * replicas, kept in the database: a second instance of the limiter (another replica) takes from the same bucket,
 * also when both take at once.
 */
@QuarkusTest
class CaseCreationRateLimitTest {

    @Inject
    CaseCreationRateLimit.Settings settings;
    @Inject
    EntityManager em;

    MovableClock clock;

    @BeforeEach
    void freshAllowances() {
        clock = new MovableClock();
        QuarkusMock.installMockForType(clock, Clock.class);
        // The database may be one that earlier runs left behind: these clients start with a full bucket.
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                "delete from CaseCreationAllowance a where a.clientId in ('crm-replay', 'crm-shared')").executeUpdate());
    }

    @Test
    void replaysOfAKeyDoNotCountAgainstTheLimit() {
        // crm-replay may open 2 cases a minute (test configuration).
        CaseRequests first = aCase();
        String firstKey = "replay-" + UUID.randomUUID();
        String caseId = post(firstKey, first).statusCode(201).extract().path("id");
        String secondKey = "replay-" + UUID.randomUUID();
        CaseRequests second = aCase();
        post(secondKey, second).statusCode(201);
        post("replay-" + UUID.randomUUID(), aCase()).statusCode(429).header("Retry-After", "30");

        // At the limit, replays still answer the first answer, as often as the CRM retries.
        for (int i = 0; i < 5; i++) {
            post(firstKey, first).statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(caseId));
            post(secondKey, second).statusCode(201).header("Idempotent-Replayed", "true");
        }
        // A key reused with another body is refused as such (422), not counted.
        post(firstKey, aCase()).statusCode(422);
        post("replay-" + UUID.randomUUID(), aCase()).statusCode(429).header("Retry-After", "30");

        // Half a minute later one token is back, and the replays and the 422 above took none of it.
        clock.advance(Duration.ofSeconds(30));
        post(firstKey, first).statusCode(201).header("Idempotent-Replayed", "true");
        String afterWait = "replay-" + UUID.randomUUID();
        post(afterWait, aCase()).statusCode(201);
        // A refused request does not keep its key: it is free for the retry once there is a token again.
        String refused = "replay-" + UUID.randomUUID();
        CaseRequests refusedCase = aCase();
        post(refused, refusedCase).statusCode(429);
        clock.advance(Duration.ofSeconds(30));
        post(refused, refusedCase).statusCode(201).header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void twoReplicasShareOneAllowance() throws Exception {
        // crm-shared may open 5 cases a minute. This replica opens two through the API ...
        assertThat(settings.clients()).containsEntry("crm-shared", 5);
        post("crm-shared", "shared-" + UUID.randomUUID(), aCase()).statusCode(201);
        post("crm-shared", "shared-" + UUID.randomUUID(), aCase()).statusCode(201);
        // ... and another replica's limiter (its own instance, the same database) sees what is left: three.
        CaseCreationRateLimit otherReplica = new CaseCreationRateLimit(settings, em, clock);
        List<Callable<Boolean>> takes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            takes.add(() -> {
                try {
                    QuarkusTransaction.requiringNew().run(() -> otherReplica.acquireInCurrentTransaction("crm-shared"));
                    return true;
                } catch (DomainException.TooMany refused) {
                    return false;
                }
            });
        }
        assertThat(grantedOf(takes)).as("tokens the other replica got, taking 12 at once from 6 threads").isEqualTo(3);
        // and this replica is now refused as well
        post("crm-shared", "shared-" + UUID.randomUUID(), aCase()).statusCode(429).header("Retry-After", "12");
    }

    @Test
    void theFirstRequestsOfAClientAtOnceCreateOneBucket() throws Exception {
        // No bucket yet for crm-shared (5 a minute): twelve requests at once race to create it. The losers of that
        // race run their Idempotency-Key claim again and take from the row that is there now, as a second replica
        // would (the bucket is in the database, the limiter keeps nothing of its own).
        List<Callable<Boolean>> opens = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            opens.add(() -> {
                int status = post("crm-shared", "first-" + UUID.randomUUID(), aCase()).extract().statusCode();
                assertThat(status).as("each answer is a case or a refusal").isIn(201, 429);
                return status == 201;
            });
        }
        assertThat(grantedOf(opens)).as("cases opened by 12 requests at once").isEqualTo(5);
        long buckets = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(a) from CaseCreationAllowance a where a.clientId = 'crm-shared'", Long.class)
                .getSingleResult());
        assertThat(buckets).isEqualTo(1);
    }

    private static int grantedOf(List<Callable<Boolean>> takes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        int granted = 0;
        try {
            for (Future<Boolean> take : pool.invokeAll(takes)) {
                granted += take.get() ? 1 : 0;
            }
        } finally {
            pool.shutdownNow();
        }
        return granted;
    }

    private static ValidatableResponse post(String key, CaseRequests request) {
        return post("crm-replay", key, request);
    }

    private static ValidatableResponse post(String crm, String key, CaseRequests request) {
        return Api.as(crm).header("Idempotency-Key", key).body(request.build()).post("/api/cases").then();
    }
}
