package io.servicerecovery.process;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.servicerecovery.cases.CaseProgress;

@Dependent
@Named("markCancelledDelegate")
public class MarkCancelledDelegate implements JavaDelegate {

    private final CaseProgress progress;

    public MarkCancelledDelegate(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        progress.cancelled(ProcessVariables.caseId(execution),
                (String) execution.getVariable(ProcessVariables.CANCELLED_BY),
                (String) execution.getVariable(ProcessVariables.CANCEL_REASON));
    }
}
