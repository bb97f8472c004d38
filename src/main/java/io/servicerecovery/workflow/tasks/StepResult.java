package io.servicerecovery.workflow.tasks;

import java.util.UUID;

import io.servicerecovery.cases.CaseStatus;
import io.servicerecovery.workflow.RecoveryStep;

/** What every step's own result says: which task, which case, and where the case stands right after it. */
public interface StepResult {

    String taskId();

    RecoveryStep type();

    UUID caseId();

    CaseStatus caseStatus();
}
