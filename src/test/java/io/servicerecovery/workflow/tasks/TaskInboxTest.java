package io.servicerecovery.workflow.tasks;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.Recovery;

/** The inbox comes from the service's own table: inbox order, full pages, filters as SQL. */
@QuarkusTest
class TaskInboxTest {

    @Test
    void myTasksComeByPriorityThenDueTimeOnFullPages() {
        // given: an agent of their own with five cases, of four severities (priority and SLA differ)
        String me = "agent-inbox-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> cases = new ArrayList<>();
        for (String severity : List.of("LOW", "CRITICAL", "MEDIUM", "HIGH", "CRITICAL")) {
            cases.add(Recovery.open("crm-acme", aCase().failure("severity", severity).with("ownerAgent", me)));
        }

        // when: they page through their tasks two at a time
        List<Map<String, Object>> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = Api.as(me).queryParam("assignee", "me").queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/tasks").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            pageSizes.add(items.size());
            seen.addAll(items);
            cursor = page.getString("nextCursor");
        } while (cursor != null && pageSizes.size() < 10);

        // then: every page but the last is full, each task once, highest priority first, then soonest due
        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(seen).extracting(t -> t.get("caseId")).containsExactlyInAnyOrderElementsOf(cases);
        assertThat(seen).extracting(t -> t.get("assignee")).containsOnly(me);
        Comparator<Map<String, Object>> inboxOrder = Comparator
                .comparing((Map<String, Object> t) -> ((Number) t.get("priority")).intValue()).reversed()
                .thenComparing(t -> Instant.parse((String) t.get("due")));
        assertThat(seen).isSortedAccordingTo(inboxOrder);
        assertThat(seen.get(0).get("severity")).isEqualTo("CRITICAL");
        assertThat(seen.get(4).get("severity")).isEqualTo("LOW");
    }

    @Test
    void filtersByTypeAndCaseAndFollowsTheTask() {
        String me = "agent-inbox-" + UUID.randomUUID().toString().substring(0, 8);
        String caseId = Recovery.open("crm-acme", aCase().with("ownerAgent", me));
        String otherCaseId = Recovery.open("crm-acme", aCase().with("ownerAgent", me));

        Api.as(me).queryParam("caseId", caseId).get("/api/tasks").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].type", equalTo("ACCOUNTABILITY"));
        // Filters on "mine": the team's free tasks include whatever earlier runs (or tests) left unclaimed.
        Api.as(me).queryParam("assignee", "me").queryParam("type", "ACCOUNTABILITY").get("/api/tasks").then()
                .statusCode(200).body("items.caseId", containsInAnyOrder(caseId, otherCaseId));
        Api.as(me).queryParam("assignee", "me").queryParam("type", "APOLOGY").get("/api/tasks").then()
                .statusCode(200).body("items.size()", equalTo(0));

        // The task moves on to the apology: the row of the first goes, the second's comes, in the same transaction.
        String accountability = Recovery.task(me, caseId, "ACCOUNTABILITY");
        Recovery.complete(me, accountability, Recovery.accountability());
        Api.as(me).queryParam("caseId", caseId).get("/api/tasks").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].type", equalTo("APOLOGY"))
                .body("items[0].assignee", equalTo(me));

        // Released, it leaves "mine" and is free for the agents.
        String apology = Recovery.task(me, caseId, "APOLOGY");
        Api.as(me).post("/api/tasks/" + apology + "/unclaim").then().statusCode(200);
        Api.as(me).queryParam("caseId", caseId).queryParam("assignee", "me").get("/api/tasks").then()
                .body("items.size()", equalTo(0));
        Api.as("agent-ben").queryParam("caseId", caseId).queryParam("assignee", "unassigned").get("/api/tasks").then()
                .body("items.size()", equalTo(1)).body("items[0].id", equalTo(apology));
    }

    @Test
    void aWrongFilterOrCursorIsA400ThatNamesIt() {
        Api.as("agent-ana").queryParam("type", "LUNCH").get("/api/tasks").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("type"));
        Api.as("agent-ana").queryParam("caseId", "not-a-case").get("/api/tasks").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("caseId"));
        // A cursor of the case list is not a cursor of the inbox.
        String caseCursor = Api.as("crm-acme").queryParam("limit", 1).get("/api/cases").then().statusCode(200)
                .extract().path("nextCursor");
        Recovery.open("crm-acme", aCase());
        if (caseCursor == null) {
            caseCursor = Api.as("crm-acme").queryParam("limit", 1).get("/api/cases").then().extract().path("nextCursor");
        }
        Api.as("agent-ana").queryParam("cursor", caseCursor).get("/api/tasks").then().statusCode(400)
                .body("violations[0].field", equalTo("cursor"));
    }
}
