package io.servicerecovery.workflow.tasks;

import static io.servicerecovery.support.CaseRequests.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.servicerecovery.support.Api;
import io.servicerecovery.support.Recovery;
import io.servicerecovery.workflow.engine.EngineStarted;

/**
 * The start-up backfill of the task inbox: it gives a task without a row its row on the first start
 * of a database, does not run again on later starts, and gives no row to a task that was completed
 * after it read the engine's open tasks (the race the fault-injection run found).
 */
@QuarkusTest
class TaskInboxBackfillTest {

    @Inject
    TaskInboxBackfill backfill;

    @Inject
    InboxTaskRepository inbox;

    @Inject
    TaskService engineTasks;

    @Inject
    ManagementService management;

    @Inject
    ProcessEngine engine;

    private boolean listed(String caseId, String taskId) {
        return Api.as("agent-ana").queryParam("caseId", caseId).get("/api/tasks").then().statusCode(200)
                .extract().jsonPath().getList("items.id").contains(taskId);
    }

    private String taskWithoutItsRow() {
        String caseId = Recovery.open("crm-acme", aCase());
        String taskId = Recovery.task("agent-ana", caseId, "ACCOUNTABILITY");
        QuarkusTransaction.requiringNew().run(() -> inbox.deleteById(taskId));
        assertThat(listed(caseId, taskId)).isFalse();
        return caseId + " " + taskId;
    }

    @Test
    void theFirstStartOfADatabaseGivesATaskWithoutARowItsRowAndRecordsThatItRan() {
        String[] caseAndTask = taskWithoutItsRow().split(" ");
        management.deleteProperty(TaskInboxBackfill.DONE_PROPERTY);

        backfill.onEngineStarted(new EngineStarted(engine));

        assertThat(listed(caseAndTask[0], caseAndTask[1])).isTrue();
        assertThat(management.getProperties()).containsKey(TaskInboxBackfill.DONE_PROPERTY);
    }

    @Test
    void laterStartsLeaveTheInboxAlone() {
        String[] caseAndTask = taskWithoutItsRow().split(" ");
        management.setProperty(TaskInboxBackfill.DONE_PROPERTY, "2026-11-30T21:00:00Z");

        backfill.onEngineStarted(new EngineStarted(engine));

        assertThat(listed(caseAndTask[0], caseAndTask[1])).isFalse();
    }

    @Test
    void aTaskCompletedAfterTheBackfillReadTheOpenTasksGetsNoRow() {
        String caseId = Recovery.open("crm-acme", aCase());
        String taskId = Recovery.task("agent-ana", caseId, "ACCOUNTABILITY");
        Task readBeforeCompletion = engineTasks.createTaskQuery().taskId(taskId).singleResult();
        Recovery.claim("agent-ana", taskId);
        Recovery.complete("agent-ana", taskId, Recovery.accountability());

        assertThat(backfill.addRowIfMissing(readBeforeCompletion)).isFalse();
        assertThat(QuarkusTransaction.requiringNew().call(() -> inbox.findByIdOptional(taskId))).isEmpty();
    }
}
