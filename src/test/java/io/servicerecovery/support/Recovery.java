package io.servicerecovery.support;

import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;

/** Drives a case through its steps over HTTP, as the CRM and the agents would. */
public final class Recovery {

    private Recovery() {
    }

    public static String open(String crm, CaseRequests request) {
        return Api.as(crm).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(request.build())
                .post("/api/cases")
                .then().statusCode(201)
                .extract().path("id");
    }

    /** The id of the open task of this type on the case, as the user sees it; waits for async steps. */
    public static String task(String user, String caseId, String type) {
        JsonPath page = Eventually.await(type + " task of case " + caseId,
                () -> Api.as(user).queryParam("caseId", caseId).queryParam("type", type)
                        .get("/api/tasks").then().statusCode(200).extract().jsonPath(),
                json -> !json.getList("items").isEmpty());
        return page.getString("items[0].id");
    }

    public static void claim(String user, String taskId) {
        Api.as(user).post("/api/tasks/" + taskId + "/claim").then().statusCode(200)
                .body("assignee", equalTo(user));
    }

    public static JsonPath complete(String user, String taskId, Map<String, ?> body) {
        return Api.as(user).body(body).post("/api/tasks/" + taskId + "/complete")
                .then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath caseAs(String user, String caseId) {
        return Api.as(user).get("/api/cases/" + caseId).then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath awaitStatus(String user, String caseId, String status) {
        return Eventually.await("case " + caseId + " to be " + status, () -> caseAs(user, caseId),
                json -> status.equals(json.getString("status")));
    }

    /** Takes accountability and apologizes as the agent, and waits until the proposal task is open. */
    public static String throughApology(String agent, String caseId) {
        String accountability = task(agent, caseId, "ACCOUNTABILITY");
        claim(agent, accountability);
        complete(agent, accountability, accountability());
        String apology = task(agent, caseId, "APOLOGY");
        complete(agent, apology, apology());
        return task(agent, caseId, "COMPENSATION");
    }

    public static Map<String, String> accountability() {
        return Map.of("statement", "This one is on us: we promised a date we could not keep.",
                "rootCause", "CARRIER_DELAY");
    }

    /** An apology for Ana's late sofa, different from every other test case's (see {@link Apologies}). */
    public static Map<String, String> apology() {
        return Map.of("message", Apologies.unique(), "deliveredVia", "PHONE");
    }

    public static Map<String, String> credit(String amount) {
        return Map.of("type", "CREDIT", "amount", amount, "currency", "EUR", "reason", "Late delivery credit");
    }

    public static List<String> timelineKinds(JsonPath caseJson) {
        return caseJson.getList("timeline.kind");
    }
}
