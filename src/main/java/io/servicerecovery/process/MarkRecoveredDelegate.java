package io.servicerecovery.process;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.servicerecovery.cases.CaseProgress;

@Dependent
@Named("markRecoveredDelegate")
public class MarkRecoveredDelegate implements JavaDelegate {

    private final CaseProgress progress;

    public MarkRecoveredDelegate(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        progress.recovered(ProcessVariables.caseId(execution));
    }
}
