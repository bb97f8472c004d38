package io.servicerecovery.process;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.servicerecovery.compensation.GrantService;

/** Books the approved compensation in the ledger (idempotent: the decision may already have booked it). */
@Dependent
@Named("bookGrantDelegate")
public class BookGrantDelegate implements JavaDelegate {

    private final GrantService grants;

    public BookGrantDelegate(GrantService grants) {
        this.grants = grants;
    }

    @Override
    public void execute(DelegateExecution execution) {
        grants.bookFor(ProcessVariables.caseId(execution));
    }
}
