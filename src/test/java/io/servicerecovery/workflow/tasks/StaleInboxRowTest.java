package io.servicerecovery.workflow.tasks;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.Recovery;

/**
 * An inbox row whose engine task is gone, as the start-up backfill left behind in the fault-injection
 * run when another replica completed the task meanwhile: claiming or completing it is a 404 (not a
 * 500), and the row is gone from the list afterwards.
 */
@QuarkusTest
class StaleInboxRowTest {

    @Inject
    InboxTaskRepository inbox;

    private String staleCopyOf(String caseId, String assignee) {
        String real = Recovery.task("agent-ana", caseId, "ACCOUNTABILITY");
        String stale = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            InboxTask row = inbox.findById(real);
            InboxTask copy = new InboxTask();
            copy.taskId = stale;
            copy.caseId = row.caseId;
            copy.processInstanceId = row.processInstanceId;
            copy.step = row.step;
            copy.assignee = assignee;
            copy.priority = row.priority;
            copy.dueAt = row.dueAt;
            copy.createdAt = row.createdAt;
            copy.customerName = row.customerName;
            copy.severity = row.severity;
            inbox.persist(copy);
        });
        return stale;
    }

    private boolean listed(String caseId, String taskId) {
        return Api.as("agent-ana").queryParam("caseId", caseId).get("/api/tasks").then().statusCode(200)
                .extract().jsonPath().getList("items.id").contains(taskId);
    }

    @Test
    void claimingATaskTheEngineNoLongerHasIsA404AndForgetsTheRow() {
        String caseId = Recovery.open("crm-acme", aCase());
        String stale = staleCopyOf(caseId, null);
        assertThat(listed(caseId, stale)).isTrue();

        Api.as("agent-ana").post("/api/tasks/" + stale + "/claim").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("no longer exists"));

        assertThat(listed(caseId, stale)).isFalse();
    }

    @Test
    void completingATaskTheEngineNoLongerHasIsA404AndForgetsTheRow() {
        String caseId = Recovery.open("crm-acme", aCase());
        String stale = staleCopyOf(caseId, "agent-ana");

        Api.as("agent-ana").body(Recovery.accountability()).post("/api/tasks/" + stale + "/complete").then()
                .statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("no longer exists"));

        assertThat(listed(caseId, stale)).isFalse();
        assertThat(Recovery.caseAs("crm-acme", caseId).getString("status")).isEqualTo("AWAITING_ACCOUNTABILITY");
    }
}
