package io.servicerecovery.workflow.tasks;

import java.time.Instant;
import java.util.UUID;

import io.servicerecovery.cases.RecoveryCase;
import io.servicerecovery.common.CaseLogContext;
import io.servicerecovery.workflow.RecoveryStep;

/** An open human step of a case: its inbox row read once, with the case it belongs to. */
public record OpenTask(String id, RecoveryStep step, RecoveryCase recoveryCase, String processInstanceId,
        String assignee, int priority, Instant due, Instant created) {

    static OpenTask of(InboxTask row, RecoveryCase recoveryCase) {
        return new OpenTask(row.taskId, row.step, recoveryCase, row.processInstanceId, row.assignee, row.priority,
                row.dueAt, row.createdAt);
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
