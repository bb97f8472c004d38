package io.servicerecovery.workflow;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import io.servicerecovery.compensation.GrantService;

/** Books the approved compensation in the ledger (idempotent: the decision may already have booked it). */
@Dependent
@Named("bookGrantDelegate")
public class BookGrantDelegate extends CaseStepDelegate {

    private final GrantService grants;

    public BookGrantDelegate(GrantService grants) {
        this.grants = grants;
    }

    @Override
    protected void run(DelegateExecution execution, java.util.UUID caseId) {
        grants.bookFor(caseId);
    }
}
