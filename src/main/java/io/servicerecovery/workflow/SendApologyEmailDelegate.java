package io.servicerecovery.workflow;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import io.servicerecovery.notify.ApologyFollowUp;

/** Sends the apology follow-up email; runs as its own job so a failed send is retried, not lost. */
@Dependent
@Named("sendApologyEmailDelegate")
public class SendApologyEmailDelegate extends CaseStepDelegate {

    private final ApologyFollowUp followUp;

    public SendApologyEmailDelegate(ApologyFollowUp followUp) {
        this.followUp = followUp;
    }

    @Override
    protected void run(DelegateExecution execution, java.util.UUID caseId) {
        followUp.send(caseId);
    }
}
