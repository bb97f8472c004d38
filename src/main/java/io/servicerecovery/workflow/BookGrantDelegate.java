package io.servicerecovery.workflow;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import io.servicerecovery.cases.CaseProgress;
import io.servicerecovery.compensation.GrantService;

/**
 * The step after an approval: the grant was booked where the decision was made (the
 * proposal within empowerment, or the approval), so this step books nothing. It checks that
 * the booking is there and lets the case move on to close as recovered once its follow-up email is sent (until
 * then the case waits for the email alone); a missing grant
 * fails the job, which the engine retries and then shows as an incident.
 */
@Dependent
@Named("bookGrantDelegate")
public class BookGrantDelegate extends CaseStepDelegate {

    private final GrantService grants;
    private final CaseProgress progress;

    public BookGrantDelegate(GrantService grants, CaseProgress progress) {
        this.grants = grants;
        this.progress = progress;
    }

    @Override
    protected void run(DelegateExecution execution, java.util.UUID caseId) {
        grants.requireBooked(caseId);
        progress.compensationBooked(caseId);
    }
}
