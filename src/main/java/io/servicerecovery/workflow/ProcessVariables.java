package io.servicerecovery.workflow;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

import io.servicerecovery.empowerment.Level;

/**
 * Every process variable name, in one place. Variables carry only what the BPMN needs
 * to route, assign and retry; the case itself lives in the service's tables, and the delegates
 * that need its facts (the recommendation: severity, tier, stage, repeat failure) read them there.
 */
public final class ProcessVariables {

    public static final String PROCESS_KEY = "service-recovery";
    public static final String CANCEL_MESSAGE = "CaseCancelled";

    public static final String CASE_ID = "caseId";
    /** The agent the CRM named, or null: assigns the first task. */
    public static final String OWNER_AGENT = "ownerAgent";
    /** The agent who took accountability: the apology and the proposal stay with them. */
    public static final String ACCOUNTABLE_AGENT = "accountableAgent";
    public static final String WITHIN_EMPOWERMENT = "withinEmpowerment";
    /** The candidate groups of the approval task, comma-separated: see {@link #approverGroups(Level)}. */
    public static final String APPROVER_GROUPS = "approverGroups";
    /** ISO 8601 duration the approval waits at its level before it escalates. */
    public static final String APPROVAL_TIMEOUT = "approvalTimeout";
    public static final String APPROVED = "approved";
    /** The retry cycle of the email step (recovery.mail.retry-cycle), e.g. R5/PT1M. */
    public static final String EMAIL_RETRY_CYCLE = "emailRetryCycle";
    public static final String CANCELLED_BY = "cancelledBy";
    public static final String CANCEL_REASON = "cancelReason";

    private ProcessVariables() {
    }

    /**
     * The candidate groups of an approval waiting for {@code lowest}: that level's group and
     * every higher approving level's ("level-team_lead,level-manager,level-director"); none
     * when nothing waits for approval.
     */
    public static String approverGroups(Level lowest) {
        return lowest == null ? "" : String.join(",", lowest.approverGroupsFromHere());
    }

    public static UUID caseId(VariableScope scope) {
        return UUID.fromString((String) scope.getVariable(CASE_ID));
    }

    /**
     * The case of a task, read from its execution: the case id is a process variable, never a task's own, and
     * asking the task would first query the task's local variables (one more SELECT per task created).
     */
    public static UUID caseId(DelegateTask task) {
        return caseId(task.getExecution());
    }
}
