package io.servicerecovery.workflow;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

import io.servicerecovery.cases.CaseWorkflow;
import io.servicerecovery.cases.RecoveryCase;

/** The only door from the features into the running process: start it and cancel it. */
@ApplicationScoped
public class RecoveryProcess implements CaseWorkflow {

    private final RuntimeService runtime;
    private final ProcessDeployer deployed;
    private final String emailRetryCycle;

    public RecoveryProcess(RuntimeService runtime, ProcessDeployer deployed, io.servicerecovery.notify.MailSettings mail) {
        this.runtime = runtime;
        this.deployed = deployed;
        this.emailRetryCycle = mail.retryCycle();
    }

    /**
     * Starts the process for a case (business key = case id) and answers its instance id. Only what the model
     * reads goes in: the case's facts (severity, tier, stage, repeat failure) stay in its row, where the
     * recommendation reads them; each variable here is a runtime row, a history row and a delete per case.
     */
    @Override
    public String start(RecoveryCase opened) {
        VariableMap variables = Variables.createVariables()
                .putValue(ProcessVariables.CASE_ID, opened.id.toString())
                .putValue(ProcessVariables.OWNER_AGENT, opened.ownerAgent)
                .putValue(ProcessVariables.ACCOUNTABLE_AGENT, null)
                .putValue(ProcessVariables.EMAIL_RETRY_CYCLE, emailRetryCycle);
        // By id: by key, the engine would ask the database for the newest version on every start.
        return runtime.startProcessInstanceById(deployed.recoveryProcessId(), opened.id.toString(), variables).getId();
    }

    /** Ends the process through its cancellation event; open tasks and pending jobs go with it. */
    @Override
    public void cancel(UUID caseId, String by, String reason) {
        runtime.createMessageCorrelation(ProcessVariables.CANCEL_MESSAGE)
                .processInstanceBusinessKey(caseId.toString())
                .setVariable(ProcessVariables.CANCELLED_BY, by)
                .setVariable(ProcessVariables.CANCEL_REASON, reason)
                .correlateWithResult();
    }
}
