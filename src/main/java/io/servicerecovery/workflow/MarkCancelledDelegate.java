package io.servicerecovery.workflow;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import io.servicerecovery.cases.CaseProgress;

@Dependent
@Named("markCancelledDelegate")
public class MarkCancelledDelegate extends CaseStepDelegate {

    private final CaseProgress progress;

    public MarkCancelledDelegate(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    protected void run(DelegateExecution execution, java.util.UUID caseId) {
        progress.cancelled(caseId,
                (String) execution.getVariable(ProcessVariables.CANCELLED_BY),
                (String) execution.getVariable(ProcessVariables.CANCEL_REASON));
    }
}
