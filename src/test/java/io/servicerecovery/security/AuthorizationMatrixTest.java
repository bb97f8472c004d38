package io.servicerecovery.security;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.Recovery;

/**
 * Every endpoint for every kind of caller. The expected answers are the contract: a CRM
 * client sees only its own cases (another client's is 404), agents work tasks, managers
 * tune empowerment, only admin touches incidents, and nobody anonymous gets in.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    static final List<String> CALLERS = List.of("anonymous", "crm-acme", "crm-globex", "agent-ben", "manager-max", "admin");

    /** Nothing listens there; only this test subscribes to it. */
    private static final String MATRIX_URL = "http://127.0.0.1:9/matrix";

    /** A case of crm-acme waiting at its first task, shared by the read-only rows (made on first use). */
    static String acmeCase;
    static String acmeTask;
    String acmeSubscription;

    static synchronized void aCaseOfAcme() {
        if (acmeCase == null) {
            acmeCase = Recovery.open("crm-acme", aCase());
            acmeTask = Recovery.task("agent-ben", acmeCase, "ACCOUNTABILITY");
        }
    }

    /**
     * The matrix subscribes the shared demo clients; left behind, every later case of crm-acme (in this run and
     * in every later run on a kept database) would fan out into deliveries to a port where nothing listens. So
     * each call gets a subscription of its own, and they all go afterwards.
     */
    @BeforeEach
    void subscribeAcme() {
        acmeSubscription = subscribe();
    }

    @AfterEach
    void unsubscribeWhatTheMatrixSubscribed() {
        for (String client : List.of("crm-acme", "crm-globex")) {
            List<String> left;
            do {
                left = Api.as(client).queryParam("limit", 100).get("/api/webhooks").then().statusCode(200).extract()
                        .jsonPath().getList("items.findAll { it.url == '" + MATRIX_URL + "' }.id", String.class);
                left.forEach(id -> Api.as(client).delete("/api/webhooks/" + id).then().statusCode(204));
            } while (!left.isEmpty());
        }
    }

    /** A webhook subscription of crm-acme (the test profile allows a loopback URL). */
    static String subscribe() {
        return Api.as("crm-acme").body(Map.of("url", MATRIX_URL, "events", List.of("*")))
                .post("/api/webhooks").then().statusCode(201).extract().path("id");
    }

    record Row(String name, Function<AuthorizationMatrixTest, Call> call, int anonymous, int acme, int globex,
            int agent, int manager, int admin) {
        int expectedFor(String caller) {
            return switch (caller) {
                case "anonymous" -> anonymous;
                case "crm-acme" -> acme;
                case "crm-globex" -> globex;
                case "agent-ben" -> agent;
                case "manager-max" -> manager;
                default -> admin;
            };
        }
    }

    /** A request; a row that changes state makes its own fixture for each caller. */
    interface Call {
        Response send(RequestSpecification as);
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("open a case", t -> as -> as.header("Idempotency-Key", UUID.randomUUID().toString())
                .body(aCase().build()).post("/api/cases"), 401, 201, 201, 403, 403, 403));
        rows.add(new Row("list cases", t -> as -> as.get("/api/cases"), 401, 200, 200, 200, 200, 200));
        rows.add(new Row("read a case", t -> as -> as.get("/api/cases/" + t.acmeCase), 401, 200, 404, 200, 200, 200));
        rows.add(new Row("read a timeline", t -> as -> as.get("/api/cases/" + t.acmeCase + "/timeline"),
                401, 200, 404, 200, 200, 200));
        rows.add(new Row("cancel a case", t -> as -> as.body(Map.of("reason", "matrix"))
                .post("/api/cases/" + Recovery.open("crm-acme", aCase()) + "/cancel"), 401, 200, 404, 403, 403, 403));
        rows.add(new Row("list tasks", t -> as -> as.get("/api/tasks"), 401, 403, 403, 200, 200, 403));
        rows.add(new Row("read a task", t -> as -> as.get("/api/tasks/" + t.acmeTask), 401, 403, 403, 200, 200, 403));
        rows.add(new Row("claim a task", t -> as -> as.post("/api/tasks/"
                + Recovery.task("agent-ben", Recovery.open("crm-acme", aCase()), "ACCOUNTABILITY") + "/claim"),
                401, 403, 403, 200, 200, 403));
        rows.add(new Row("complete a task held by nobody", t -> as -> as.body(Recovery.accountability())
                .post("/api/tasks/" + t.acmeTask + "/complete"), 401, 403, 403, 403, 403, 403));
        rows.add(new Row("check an apology", t -> as -> as.body(Map.of("caseId", t.acmeCase, "message", "x"))
                .post("/api/apologies/check"), 401, 403, 403, 200, 200, 403));
        rows.add(new Row("list levels", t -> as -> as.get("/api/empowerment/levels"), 401, 403, 403, 403, 200, 403));
        rows.add(new Row("change a level without If-Match", t -> as -> as.body(Map.of("limits", List.of(),
                "reason", "matrix")).put("/api/empowerment/levels/SENIOR_AGENT"), 401, 403, 403, 403, 428, 403));
        rows.add(new Row("read an agent's limits", t -> as -> as.get("/api/empowerment/agents/agent-ana"),
                401, 403, 403, 403, 200, 403));
        rows.add(new Row("change an agent without If-Match", t -> as -> as.body(Map.of("level", "AGENT",
                "reason", "matrix")).put("/api/empowerment/agents/agent-ana"), 401, 403, 403, 403, 428, 403));
        rows.add(new Row("read the audit", t -> as -> as.get("/api/empowerment/audit"), 401, 403, 403, 403, 200, 403));
        rows.add(new Row("simulate", t -> as -> as.body(Map.of("from", "2026-01-01T00:00:00Z",
                "to", "2026-01-02T00:00:00Z", "levels", List.of(Map.of("level", "AGENT", "limits", List.of()))))
                .post("/api/empowerment/simulations"), 401, 403, 403, 403, 200, 403));
        rows.add(new Row("read the recovery report", t -> as -> as.get("/api/reports/recovery"),
                401, 200, 200, 403, 200, 403));
        rows.add(new Row("list incidents", t -> as -> as.get("/api/incidents"), 401, 403, 403, 403, 403, 200));
        rows.add(new Row("retry an incident", t -> as -> as.post("/api/incidents/none/retry"),
                401, 403, 403, 403, 403, 404));
        rows.add(new Row("list webhooks", t -> as -> as.get("/api/webhooks"), 401, 200, 200, 403, 403, 403));
        rows.add(new Row("subscribe to webhooks", t -> as -> as.body(Map.of("url", MATRIX_URL,
                "events", List.of("case.recovered"))).post("/api/webhooks"), 401, 201, 201, 403, 403, 403));
        rows.add(new Row("read a subscription", t -> as -> as.get("/api/webhooks/" + t.acmeSubscription),
                401, 200, 404, 403, 403, 403));
        rows.add(new Row("read a subscription's deliveries", t -> as -> as.get("/api/webhooks/" + t.acmeSubscription
                + "/deliveries"), 401, 200, 404, 403, 403, 403));
        rows.add(new Row("resend a subscription's failed deliveries", t -> as -> as.post("/api/webhooks/"
                + t.acmeSubscription + "/deliveries/resend-failed"), 401, 202, 404, 403, 403, 403));
        rows.add(new Row("resend a delivery that does not exist", t -> as -> as.post("/api/webhooks/"
                + t.acmeSubscription + "/deliveries/" + java.util.UUID.randomUUID() + "/resend"),
                401, 404, 404, 403, 403, 403));
        rows.add(new Row("rotate a subscription's secret", t -> as -> as.post("/api/webhooks/" + subscribe()
                + "/rotate-secret"), 401, 200, 404, 403, 403, 403));
        rows.add(new Row("delete a subscription", t -> as -> as.delete("/api/webhooks/" + subscribe()),
                401, 204, 404, 403, 403, 403));
        rows.add(new Row("an unknown path", t -> as -> as.get("/api/nothing-here"), 404, 404, 404, 404, 404, 404));
        return rows;
    }

    static Stream<Arguments> matrix() {
        return rows().stream().flatMap(row -> CALLERS.stream().map(caller -> Arguments.of(row.name(), caller, row)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void everyCallerGetsTheAnswerTheContractSays(String name, String caller, Row row) {
        aCaseOfAcme();
        RequestSpecification as = caller.equals("anonymous") ? Api.anonymous() : Api.as(caller);
        Response response = row.call().apply(this).send(as);
        assertThat(response.statusCode()).as(name + " as " + caller + ": " + response.asString())
                .isEqualTo(row.expectedFor(caller));
        if (response.statusCode() >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }
}
