package io.servicerecovery.workflow.tasks;

import java.time.Instant;
import java.util.UUID;

import org.camunda.bpm.engine.task.Task;

import io.servicerecovery.cases.RecoveryCase;
import io.servicerecovery.common.CaseLogContext;
import io.servicerecovery.workflow.RecoveryStep;

/** An open human step of a case: the engine's task read once, with the case it belongs to. */
public record OpenTask(String id, RecoveryStep step, RecoveryCase recoveryCase, String processInstanceId,
        String assignee, int priority, Instant due, Instant created) {

    static OpenTask of(Task task, RecoveryCase recoveryCase) {
        RecoveryStep step = RecoveryStep.ofActivity(task.getTaskDefinitionKey())
                .orElseThrow(() -> new IllegalStateException("Unknown task " + task.getTaskDefinitionKey()));
        return new OpenTask(task.getId(), step, recoveryCase, task.getProcessInstanceId(), task.getAssignee(),
                task.getPriority(), task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                task.getCreateTime() == null ? null : task.getCreateTime().toInstant());
    }

    public UUID caseId() {
        return recoveryCase.id;
    }

    public CaseLogContext logContext() {
        return CaseLogContext.open(caseId(), processInstanceId);
    }

    public TaskSummary summary() {
        return new TaskSummary(id, step, recoveryCase.id, recoveryCase.customerName, recoveryCase.severity, priority,
                due, assignee, created);
    }
}
