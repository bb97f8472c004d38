package io.servicerecovery.cases;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.CaseRequests;
import io.servicerecovery.support.Recovery;

/** Intake as a CRM sees it: idempotent retries, one case per externalRef, clear errors, its own cases only. */
@QuarkusTest
class CaseResourceTest {

    @Inject
    IdempotencyKeys keys;

    @Inject
    CaseIntake intake;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    @Test
    void opensACaseAndAnswersWithItsLocation() {
        CaseRequests request = aCase();
        Response created = post("crm-acme", "key-" + UUID.randomUUID(), request);
        created.then().statusCode(201)
                .header("Location", containsString("/api/cases/"))
                .body("id", notNullValue())
                .body("externalRef", equalTo(request.externalRef()))
                .body("status", equalTo("AWAITING_ACCOUNTABILITY"))
                .body("currentStep", equalTo("ACCOUNTABILITY"))
                .body("customer.locale", equalTo("en"))
                .body("orderValue.amount", equalTo("899.90"))
                .body("orderValue.currency", equalTo("EUR"))
                .body("repeatFailure", equalTo(false))
                .body("priority", equalTo(70))
                .body("timeline[0].kind", equalTo("CASE_OPENED"));
        String location = created.header("Location");
        // The answer is the case as it is stored: reading it back shows the same, timeline and all.
        java.util.Map<String, Object> stored = Api.as("crm-acme").get(location).then().statusCode(200)
                .extract().jsonPath().getMap("");
        org.assertj.core.api.Assertions.assertThat(created.jsonPath().getMap("")).isEqualTo(stored);
    }

    @Test
    void replaysTheFirstAnswerForTheSameKeyAndBody() {
        CaseRequests request = aCase();
        String key = "key-" + UUID.randomUUID();
        Response first = post("crm-acme", key, request);
        first.then().statusCode(201);
        Response replay = post("crm-acme", key, request);
        replay.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location")));
        assertThat(replay.asString()).isEqualTo(first.asString());
        assertThat(countCases("crm-acme", request.externalRef())).isEqualTo(1);
    }

    @Test
    void refusesTheSameKeyWithAnotherBody() {
        String key = "key-" + UUID.randomUUID();
        post("crm-acme", key, aCase()).then().statusCode(201);
        post("crm-acme", key, aCase()).then().statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Idempotency-Key reused"));
    }

    @Test
    void answers409WhileTheFirstRequestWithTheKeyIsInFlight() {
        CaseRequests request = aCase();
        String key = "key-" + UUID.randomUUID();
        // A request that claimed the key and is still working on it.
        String hash = hashOf(request);
        assertThat(keys.claim("crm-acme", key, hash)).isInstanceOf(IdempotencyKeys.Claimed.class);
        post("crm-acme", key, request).then().statusCode(409)
                .contentType("application/problem+json")
                .body("title", equalTo("Request in progress"));
        assertThat(countCases("crm-acme", request.externalRef())).isZero();
    }

    @Test
    void requiresAnIdempotencyKey() {
        Api.as("crm-acme").body(aCase().build()).post("/api/cases").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("Idempotency-Key"));
        post("crm-acme", "k".repeat(256), aCase()).then().statusCode(400);
    }

    @Test
    void keysAreScopedToTheCrmClient() {
        String key = "shared-" + UUID.randomUUID();
        post("crm-acme", key, aCase()).then().statusCode(201);
        post("crm-globex", key, aCase()).then().statusCode(201);
    }

    @Test
    void anExternalRefUsedWithAnotherKeyNamesTheExistingCase() {
        CaseRequests request = aCase();
        String existing = post("crm-acme", "key-" + UUID.randomUUID(), request).then().statusCode(201)
                .extract().path("id");
        post("crm-acme", "key-" + UUID.randomUUID(), request).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(existing))
                .body("context.existingCaseId", equalTo(existing));
        // Another CRM client may use the same reference for its own case.
        post("crm-globex", "key-" + UUID.randomUUID(), request).then().statusCode(201);
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneCase() throws Exception {
        CaseRequests request = aCase();
        String key = "key-" + UUID.randomUUID();
        List<Response> answers = concurrently(20, i -> post("crm-acme", key, request));

        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isIn(201, 409));
        assertThat(answers.stream().filter(a -> a.statusCode() == 201).map(a -> a.path("id")).distinct()).hasSize(1);
        assertThat(countCases("crm-acme", request.externalRef())).isEqualTo(1);
    }

    @Test
    void concurrentRequestsForOneExternalRefWithDifferentKeysCreateOneCase() throws Exception {
        CaseRequests request = aCase();
        List<Response> answers = concurrently(12, i -> post("crm-acme", "key-" + UUID.randomUUID(), request));

        assertThat(answers.stream().filter(a -> a.statusCode() == 201)).hasSize(1);
        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isIn(201, 409));
        assertThat(countCases("crm-acme", request.externalRef())).isEqualTo(1);
    }

    @Test
    void rejectsInvalidCasesNamingTheFieldAndTheReason() {
        expectViolation(aCase().customer("email", "not-an-email"), "customer.email");
        expectViolation(aCase().customer("locale", "english please"), "customer.locale");
        expectViolation(aCase().customer("tier", "DIAMOND"), "customer.tier");
        expectViolation(aCase().failure("severity", "APOCALYPTIC"), "failure.severity");
        expectViolation(aCase().failure("occurredAt", "yesterday"), "failure.occurredAt");
        expectViolation(aCase().failure("description", ""), "failure.description");
        expectViolation(aCase().failure("description", "x".repeat(4001)), "failure.description");
        expectViolation(aCase().withoutCustomerField("name"), "customer.name");
        expectViolation(aCase().with("orderValue", Map.of("amount", "-1.00", "currency", "EUR")), "orderValue.amount");
        expectViolation(aCase().with("orderValue", Map.of("amount", "10.999", "currency", "EUR")), "orderValue.amount");
        expectViolation(aCase().with("orderValue", Map.of("amount", "10.00", "currency", "EURO")), "orderValue.currency");
        expectViolation(aCase().with("orderValue", Map.of("amount", "10.00", "currency", "ABC")), "orderValue.currency");
        expectViolation(aCase().externalRef(""), "externalRef");
    }

    @Test
    void rejectsUnknownAndServerOwnedFields() {
        expectViolation(aCase().with("status", "RECOVERED"), "status");
        expectViolation(aCase().with("id", UUID.randomUUID().toString()), "id");
        expectViolation(aCase().with("grant", Map.of("amount", "1000.00")), "grant");
        expectViolation(aCase().customer("vip", true), "customer.vip");
    }

    @Test
    void rejectsMalformedJsonWithAProblemNotA500() {
        Api.as("crm-acme").header("Idempotency-Key", UUID.randomUUID().toString()).body("{\"externalRef\": ")
                .post("/api/cases").then().statusCode(400).contentType("application/problem+json");
        Api.as("crm-acme").header("Idempotency-Key", UUID.randomUUID().toString()).body("[]")
                .post("/api/cases").then().statusCode(400).contentType("application/problem+json");
        Api.as("crm-acme").header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/cases").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void accepts_bcp47_locales_of_every_supported_language() {
        for (String locale : List.of("en", "sv-SE", "da", "lv-LV", "ru", "th-TH", "pt-BR")) {
            post("crm-acme", UUID.randomUUID().toString(), aCase().customer("locale", locale)).then().statusCode(201)
                    .body("customer.locale", equalTo(locale));
        }
    }

    @Test
    void flagsARepeatFailureOfTheSameCustomerAndRaisesItsPriority() {
        CaseRequests first = aCase();
        post("crm-acme", UUID.randomUUID().toString(), first).then().statusCode(201).body("repeatFailure", equalTo(false));
        post("crm-acme", UUID.randomUUID().toString(), aCase().customer("id", first.customerId())).then().statusCode(201)
                .body("repeatFailure", equalTo(true))
                .body("priority", equalTo(80));
        // The same customer id at another CRM client is another customer.
        post("crm-globex", UUID.randomUUID().toString(), aCase().customer("id", first.customerId())).then()
                .statusCode(201).body("repeatFailure", equalTo(false));
    }

    @Test
    void listsOnlyTheCallersCasesWithFiltersAndKeysetPages() {
        String customer = "C-" + UUID.randomUUID();
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            opened.add(Recovery.open("crm-acme", aCase().customer("id", customer)));
        }
        Recovery.open("crm-globex", aCase().customer("id", customer));

        Response page1 = Api.as("crm-acme").queryParam("customerId", customer).queryParam("limit", 2).get("/api/cases");
        page1.then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue());
        Response page2 = Api.as("crm-acme").queryParam("customerId", customer).queryParam("limit", 2)
                .queryParam("cursor", page1.path("nextCursor").toString()).get("/api/cases");
        page2.then().statusCode(200).body("items", hasSize(1)).body("nextCursor", nullValue());
        List<String> seen = new ArrayList<>(page1.jsonPath().getList("items.id"));
        seen.addAll(page2.jsonPath().getList("items.id"));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(opened);
        assertThat(seen.get(0)).isEqualTo(opened.get(2));

        Api.as("crm-acme").queryParam("status", "RECOVERED").queryParam("customerId", customer).get("/api/cases")
                .then().body("items", hasSize(0));
        Api.as("crm-acme").queryParam("externalRef", "no-such-ref").get("/api/cases").then().body("items", hasSize(0));
        Api.as("crm-acme").queryParam("limit", 201).get("/api/cases").then().statusCode(400)
                .body("violations[0].field", equalTo("limit"));
        Api.as("crm-acme").queryParam("cursor", "garbage!").get("/api/cases").then().statusCode(400)
                .body("violations[0].field", equalTo("cursor"));
        Api.as("crm-acme").queryParam("status", "LOST").get("/api/cases").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
    }

    @Test
    void aCrmClientCannotSeeOrCancelAnotherClientsCase() {
        String caseId = Recovery.open("crm-acme", aCase());
        Api.as("crm-globex").get("/api/cases/" + caseId).then().statusCode(404).contentType("application/problem+json");
        Api.as("crm-globex").get("/api/cases/" + caseId + "/timeline").then().statusCode(404);
        Api.as("crm-globex").body(Map.of("reason", "mine now")).post("/api/cases/" + caseId + "/cancel").then()
                .statusCode(404);
        Api.as("crm-acme").get("/api/cases/" + caseId).then().statusCode(200);
        Api.as("agent-ana").get("/api/cases/" + caseId).then().statusCode(200);
    }

    @Test
    void cancellingEndsTheProcessAndLeavesNoTask() {
        String caseId = Recovery.open("crm-acme", aCase());
        Recovery.task("agent-ana", caseId, "ACCOUNTABILITY");

        Api.as("crm-acme").body(Map.of("reason", "Customer withdrew the complaint")).post("/api/cases/" + caseId + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("closedAt", notNullValue());
        Api.as("agent-ana").queryParam("caseId", caseId).get("/api/tasks").then().body("items", hasSize(0));
        Api.as("crm-acme").get("/api/cases/" + caseId + "/timeline").then().statusCode(200)
                .body("kind", hasItem("CANCELLED"))
                .body("find { it.kind == 'CANCELLED' }.details.reason", equalTo("Customer withdrew the complaint"));
        Api.as("crm-acme").body(Map.of("reason", "again")).post("/api/cases/" + caseId + "/cancel").then()
                .statusCode(409).contentType("application/problem+json");
        Api.as("crm-acme").body(Map.of()).post("/api/cases/" + caseId + "/cancel").then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
    }

    @Test
    void anUnknownCaseIsA404Problem() {
        Api.as("crm-acme").get("/api/cases/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        Api.as("crm-acme").get("/api/cases/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    private static void expectViolation(CaseRequests request, String field) {
        post("crm-acme", UUID.randomUUID().toString(), request).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItem(field));
    }

    private static Response post(String crm, String key, CaseRequests request) {
        return Api.as(crm).header("Idempotency-Key", key).body(request.build()).post("/api/cases");
    }

    private static int countCases(String crm, String externalRef) {
        return Api.as(crm).queryParam("externalRef", externalRef).get("/api/cases").then().statusCode(200)
                .extract().jsonPath().getList("items").size();
    }

    private String hashOf(CaseRequests request) {
        return intake.fingerprint(mapper.convertValue(request.build(), OpenCaseRequest.class));
    }

    private static <T> List<T> concurrently(int n, java.util.function.IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<T>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                calls.add(() -> call.apply(index));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
