package io.servicerecovery.workflow;

import java.time.Clock;
import java.util.Date;
import java.util.UUID;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import io.servicerecovery.cases.CaseProgress;
import io.servicerecovery.cases.RecoveryCase;
import io.servicerecovery.common.CaseLogContext;

/**
 * When a human step opens: the case shows that step, and the task gets the case's
 * priority and a due date from the severity's SLA.
 */
@Dependent
@Named("taskCreatedListener")
public class TaskCreatedListener implements TaskListener {

    private final CaseProgress progress;
    private final SlaPolicy sla;
    private final Clock clock;

    public TaskCreatedListener(CaseProgress progress, SlaPolicy sla, Clock clock) {
        this.progress = progress;
        this.sla = sla;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        RecoveryStep step = RecoveryStep.ofActivity(task.getTaskDefinitionKey())
                .orElseThrow(() -> new IllegalStateException("Unknown task " + task.getTaskDefinitionKey()));
        UUID caseId = ProcessVariables.caseId(task);
        try (CaseLogContext log = CaseLogContext.open(caseId, task.getProcessInstanceId())) {
            RecoveryCase recoveryCase = progress.find(caseId);
            progress.enterStep(caseId, step.status(), step.caseStep());
            task.setPriority(recoveryCase.priority);
            task.setDueDate(Date.from(clock.instant().plus(sla.dueAfter(recoveryCase.severity))));
        }
    }
}
