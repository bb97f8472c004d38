package io.servicerecovery.workflow.tasks;

import java.util.UUID;

import io.servicerecovery.cases.CaseStatus;
import io.servicerecovery.compensation.CompensationView;
import io.servicerecovery.compensation.GrantView;
import io.servicerecovery.compensation.ProposalOutcome;
import io.servicerecovery.empowerment.Level;
import io.servicerecovery.workflow.RecoveryStep;

/**
 * What every step's own result says: which task, which case, and where the case stands right after it. The
 * decision's parts are empty here and filled by the steps that decide something, so the API's answer is built
 * from any result without asking which step it came from.
 */
public interface StepResult {

    String taskId();

    RecoveryStep type();

    UUID caseId();

    CaseStatus caseStatus();

    default ProposalOutcome decision() {
        return null;
    }

    default Level approverLevel() {
        return null;
    }

    default GrantView grant() {
        return null;
    }

    default CompensationView compensation() {
        return null;
    }
}
