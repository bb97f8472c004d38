package io.servicerecovery.ops;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.CaseRequests;
import io.servicerecovery.support.DatabaseBehindAProxy;
import io.servicerecovery.support.Eventually;
import io.servicerecovery.support.Management;

/**
 * A database outage (a PostgreSQL restart, a broken network) is not the client's fault and not a bug of ours:
 * requests answer 503 problem+json with Retry-After, readiness turns DOWN (liveness stays UP, so nothing restarts
 * the pod), nothing is half written, and the same request succeeds once the database is back.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.BehindAProxy.class)
class DatabaseOutageTest {

    /** The service's datasource goes through a proxy this test cuts. */
    public static class BehindAProxy implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DatabaseBehindAProxy.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // Fewer idle connections to break, and a caller waits at most 3 s for one.
            return Map.of("quarkus.datasource.jdbc.acquisition-timeout", "3S");
        }
    }

    @AfterEach
    void databaseBack() throws Exception {
        DatabaseBehindAProxy.restore();
    }

    @Test
    void whileTheDatabaseIsUnreachableRequestsAnswer503WithRetryAfterAndNothingIsHalfWritten() throws Exception {
        String crm = "crm-outage-" + UUID.randomUUID().toString().substring(0, 8);
        CaseRequests request = aCase();
        String key = UUID.randomUUID().toString();
        Api.as(crm).get("/api/cases").then().statusCode(200);
        Management.given().get("/q/health/ready").then().statusCode(200);

        DatabaseBehindAProxy.cut();
        unavailable(open(crm, key, request).then());
        unavailable(Api.as(crm).get("/api/cases").then());
        unavailable(Api.as("agent-ana").get("/api/tasks").then());
        Management.given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        Management.given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));

        DatabaseBehindAProxy.restore();
        Eventually.await("readiness after the outage", () -> Management.given().get("/q/health/ready").statusCode(),
                status -> status == 200);
        // The same request, key included: a new case (not a replay of anything the outage half wrote), once.
        Response retried = Eventually.await("the retried request", () -> open(crm, key, request),
                r -> r.statusCode() != 503);
        retried.then().statusCode(201);
        open(crm, key, request).then().statusCode(201).header("Idempotent-Replayed", equalTo("true"));
        Api.as(crm).queryParam("externalRef", request.externalRef()).get("/api/cases").then().statusCode(200)
                .body("items", hasSize(1));
    }

    private static Response open(String crm, String key, CaseRequests request) {
        return Api.as(crm).header("Idempotency-Key", key).body(request.build()).post("/api/cases");
    }

    private static void unavailable(ValidatableResponse response) {
        response.statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                .body("type", endsWith("/database-unavailable")).body("status", equalTo(503));
    }
}
