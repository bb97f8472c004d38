package io.servicerecovery.workflow;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.servicerecovery.common.CaseLogContext;

/** A step of the process that works on its case, with the case in the log context while it runs. */
public abstract class CaseStepDelegate implements JavaDelegate {

    @Override
    public final void execute(DelegateExecution execution) {
        UUID caseId = ProcessVariables.caseId(execution);
        try (CaseLogContext log = CaseLogContext.open(caseId, execution.getProcessInstanceId())) {
            run(execution, caseId);
        }
    }

    protected abstract void run(DelegateExecution execution, UUID caseId);
}
