package io.servicerecovery.workflow;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.camunda.bpm.engine.RuntimeService;

/** The only door from the features into the running process: start it and cancel it. */
@ApplicationScoped
public class RecoveryProcess {

    private final RuntimeService runtime;
    private final String emailRetryCycle;

    public RecoveryProcess(RuntimeService runtime, io.servicerecovery.notify.MailSettings mail) {
        this.runtime = runtime;
        this.emailRetryCycle = mail.retryCycle();
    }

    /** Starts the process for a case (business key = case id) and answers its instance id. */
    public String start(UUID caseId, String severity, String tier, String stage, boolean repeatFailure,
            String ownerAgent) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.CASE_ID, caseId.toString());
        variables.put(ProcessVariables.SEVERITY, severity);
        variables.put(ProcessVariables.TIER, tier);
        variables.put(ProcessVariables.STAGE, stage);
        variables.put(ProcessVariables.REPEAT_FAILURE, repeatFailure);
        variables.put(ProcessVariables.OWNER_AGENT, ownerAgent);
        variables.put(ProcessVariables.ACCOUNTABLE_AGENT, null);
        variables.put(ProcessVariables.EMAIL_RETRY_CYCLE, emailRetryCycle);
        return runtime.startProcessInstanceByKey(ProcessVariables.PROCESS_KEY, caseId.toString(), variables).getId();
    }

    /** Ends the process through its cancellation event; open tasks and pending jobs go with it. */
    public void cancel(UUID caseId, String by, String reason) {
        runtime.createMessageCorrelation(ProcessVariables.CANCEL_MESSAGE)
                .processInstanceBusinessKey(caseId.toString())
                .setVariable(ProcessVariables.CANCELLED_BY, by)
                .setVariable(ProcessVariables.CANCEL_REASON, reason)
                .correlateWithResult();
    }
}
