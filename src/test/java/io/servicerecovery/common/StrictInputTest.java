package io.servicerecovery.common;

import static io.restassured.RestAssured.given;
import static io.servicerecovery.support.CaseRequests.aCase;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.CaseRequests;

/**
 * Strict JSON and problem+json for every client mistake, including those the HTTP layer answers before a
 * resource runs: the findings of the hostile-but-honest test in issue 11, one by one.
 */
@QuarkusTest
class StrictInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRepeatedKeyIsA400NamingTheFieldOnEveryListedEndpoint() {
        String caseId = io.servicerecovery.support.Recovery.open("crm-acme", aCase());
        expectInvalid(Api.as("crm-acme").body("{\"reason\":\"a\",\"reason\":\"b\"}").post("/api/cases/" + caseId + "/cancel"),
                "reason");
        expectInvalid(Api.as("agent-ana").body("{\"caseId\":\"" + caseId + "\",\"message\":\"a\",\"message\":\"b\"}")
                .post("/api/apologies/check"), "message");
        expectInvalid(Api.as("crm-acme").body("{\"url\":\"https://crm.example.com/h\",\"url\":\"https://x.example.com\","
                + "\"events\":[\"*\"]}").post("/api/webhooks"), "url");
        expectInvalid(Api.as("manager-max").body("{\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2026-02-01T00:00:00Z\","
                + "\"levels\":[{\"level\":\"AGENT\",\"level\":\"TEAM_LEAD\",\"limits\":[]}]}")
                .post("/api/empowerment/simulations"), "levels[0].level");
        expectInvalid(Api.as("manager-max").header("If-Match", "\"x\"")
                .body("{\"level\":\"AGENT\",\"reason\":\"a\",\"reason\":\"b\"}").put("/api/empowerment/agents/agent-ben"),
                "reason");
        expectInvalid(Api.as("crm-acme").header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"externalRef\":\"CRM-1\",\"customer\":{\"id\":\"C\",\"id\":\"D\"}}").post("/api/cases"),
                "customer.id");
    }

    @Test
    void scalarsAreNeverCoerced() {
        expectInvalid(open(aCase().with("externalRef", 123)), "externalRef");
        expectInvalid(open(aCase().customer("tier", 1)), "customer.tier");
        expectInvalid(open(aCase().customer("tier", "1")), "customer.tier");
        expectInvalid(open(aCase().customer("name", true)), "customer.name");
        expectInvalid(open(aCase().with("orderValue", Map.of("amount", 899.90, "currency", "EUR"))), "orderValue.amount");
        expectInvalid(open(aCase().with("orderValue", Map.of("amount", "1e3", "currency", "EUR"))), "orderValue.amount");
        expectInvalid(open(aCase().failure("occurredAt", 1732096800)), "failure.occurredAt");
        expectInvalid(Api.as("manager-max").body("{\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2026-02-01T00:00:00Z\","
                + "\"levels\":[{\"level\":\"AGENT\",\"limits\":[{\"currency\":\"EUR\",\"maxDiscountPercent\":\"15\"}]}]}")
                .post("/api/empowerment/simulations"), "levels[0].limits[0].maxDiscountPercent");
    }

    @Test
    void timestampsOutsideTheWindowAreRefused() {
        expectInvalid(open(aCase().failure("occurredAt", "+1000000000-12-31T00:00:00Z")), "failure.occurredAt")
                .body("violations[0].message", containsString("2100-01-01T00:00:00Z"));
        expectInvalid(open(aCase().failure("occurredAt", "2100-01-01T00:00:00Z")), "failure.occurredAt");
        expectInvalid(open(aCase().failure("occurredAt", "1999-12-31T23:59:59Z")), "failure.occurredAt");
        open(aCase().failure("occurredAt", "2026-11-20T12:00:00+02:00")).statusCode(201);
    }

    @Test
    void textAfterTheDocumentIsRefusedAndNoCaseIsOpened() throws Exception {
        CaseRequests request = aCase();
        Api.as("crm-acme").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(JSON.writeValueAsString(request.build()) + " {\"x\": 1}").post("/api/cases")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", containsString("malformed-json")).body("detail", containsString("line 1"));
        Api.as("crm-acme").queryParam("externalRef", request.externalRef()).get("/api/cases").then()
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void malformedBodiesAreProblemsWithLineAndColumn() {
        expectMalformed(Api.as("crm-acme").header("Idempotency-Key", "k1").body("{\"externalRef\": \"x\",\n  \"customer\": }"))
                .body("detail", containsString("line 2")).body("context.line", equalTo(2));
        expectMalformed(Api.as("crm-acme").header("Idempotency-Key", "k2").body("{\"externalRef\": NaN}"));
        expectMalformed(Api.as("crm-acme").header("Idempotency-Key", "k3").body("{\"externalRef\": \"CRM"));
        expectMalformed(Api.as("crm-acme").header("Idempotency-Key", "k4")
                .body(new byte[] { '{', '"', 'x', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' }));
        expectMalformed(Api.as("agent-ana").body("{\"statement\": \"x\"} trailing").post("/api/tasks/none/complete"));
    }

    private static ValidatableResponse expectMalformed(RequestSpecification request) {
        return expectMalformed(request.post("/api/cases"));
    }

    private static ValidatableResponse expectMalformed(io.restassured.response.Response response) {
        return response.then().log().ifValidationFails().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON")).body("detail", not(containsString("com.fasterxml")));
    }

    @Test
    void aNegativeCursorIsA400NamingTheCursor() {
        String negative = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("offset:-5".getBytes(StandardCharsets.UTF_8));
        expectInvalid(Api.as("agent-ana").queryParam("cursor", negative).get("/api/tasks"), "cursor");
        expectInvalid(Api.as("admin").queryParam("cursor", "LTU").get("/api/incidents"), "cursor");
        String huge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("offset:2147483647".getBytes(StandardCharsets.UTF_8));
        expectInvalid(Api.as("agent-ana").queryParam("cursor", huge).get("/api/tasks"), "cursor");
        expectInvalid(Api.as("agent-ana").queryParam("limit", "abc").get("/api/tasks"), "limit");
        expectInvalid(Api.as("crm-acme").queryParam("limit", "99999999999").get("/api/cases"), "limit");
        expectInvalid(Api.as("crm-acme").queryParam("limit", "0").get("/api/cases"), "limit");
    }

    @Test
    void aWebhookUrlIsParsedFully() {
        expectInvalid(Api.as("crm-acme").body(Map.of("url", "https://crm.example.com:99999/hooks", "events", new String[] { "*" }))
                .post("/api/webhooks"), "url");
        expectInvalid(Api.as("crm-acme").body(Map.of("url", "https://crm.example.com/hooks\n", "events", new String[] { "*" }))
                .post("/api/webhooks"), "url");
        expectInvalid(Api.as("crm-acme").body(Map.of("url", "https://crm.exa mple.com/", "events", new String[] { "*" }))
                .post("/api/webhooks"), "url");
    }

    @Test
    void everyAnswerOfTheHttpLayerIsAProblem() {
        // 401: no credentials, wrong password, and a Basic header that is not base64 of user:password.
        expectProblem(given().accept("application/json").get("/api/cases"), 401);
        expectProblem(given().auth().preemptive().basic("agent-ana", "wrong").get("/api/tasks"), 401);
        expectProblem(given().header("Authorization", "Basic !!!").get("/api/cases"), 401);
        expectProblem(given().header("Authorization", "Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes()))
                .get("/api/cases"), 401);
        expectProblem(given().header("Authorization", "Bearer not.a.jwt").get("/api/cases"), 401);
        // 404 for unknown routes, inside and outside /api.
        expectProblem(Api.as("crm-acme").get("/api/no-such-thing"), 404);
        expectProblem(Api.as("crm-acme").get("/no-such-thing"), 404);
        // 405, 406, 415.
        expectProblem(Api.as("crm-acme").delete("/api/cases"), 405);
        expectProblem(Api.as("crm-acme").accept("text/csv").get("/api/cases"), 406);
        expectProblem(Api.as("crm-acme").contentType("text/plain").header("Idempotency-Key", "k").body("hello")
                .post("/api/cases"), 415);
        // 413: a body over 256 KB.
        expectProblem(Api.as("crm-acme").header("Idempotency-Key", "k").body("{\"x\": \"" + "a".repeat(300_000) + "\"}")
                .post("/api/cases"), 413);
        // 414: a URI over 4096 characters (up to the HTTP decoder's own limit, see docs/api-guide.md).
        expectProblem(Api.as("crm-acme").get("/api/cases?externalRef=" + "a".repeat(5000)), 414);
    }

    private static void expectProblem(io.restassured.response.Response response, int status) {
        response.then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("type", notNullValue()).body("title", notNullValue())
                .body("detail", notNullValue());
    }

    private static ValidatableResponse open(CaseRequests request) {
        return Api.as("crm-acme").header("Idempotency-Key", UUID.randomUUID().toString()).body(request.build())
                .post("/api/cases").then();
    }

    private static ValidatableResponse expectInvalid(io.restassured.response.Response response, String field) {
        return expectInvalid(response.then(), field);
    }

    private static ValidatableResponse expectInvalid(ValidatableResponse response, String field) {
        return response.statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(field))
                .body("detail", not(containsString("com.fasterxml"))).body("detail", not(containsString("java.")));
    }
}
