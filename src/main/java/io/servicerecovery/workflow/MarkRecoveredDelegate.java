package io.servicerecovery.workflow;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import io.servicerecovery.cases.CaseProgress;

@Dependent
@Named("markRecoveredDelegate")
public class MarkRecoveredDelegate extends CaseStepDelegate {

    private final CaseProgress progress;

    public MarkRecoveredDelegate(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    protected void run(DelegateExecution execution, java.util.UUID caseId) {
        progress.recovered(caseId);
    }
}
