package io.servicerecovery.workflow;

import java.util.Arrays;
import java.util.Optional;

import io.servicerecovery.cases.CaseStatus;
import io.servicerecovery.cases.CaseStep;

/** The human steps of the process: the task type the API shows, its BPMN id and the case status while it is open. */
public enum RecoveryStep {
    ACCOUNTABILITY("TakeAccountability", CaseStatus.AWAITING_ACCOUNTABILITY, CaseStep.ACCOUNTABILITY),
    APOLOGY("GiveApology", CaseStatus.AWAITING_APOLOGY, CaseStep.APOLOGY),
    COMPENSATION("ProposeCompensation", CaseStatus.AWAITING_COMPENSATION, CaseStep.COMPENSATION),
    APPROVAL("ApproveCompensation", CaseStatus.AWAITING_APPROVAL, CaseStep.APPROVAL);

    private final String activityId;
    private final CaseStatus status;
    private final CaseStep caseStep;

    RecoveryStep(String activityId, CaseStatus status, CaseStep caseStep) {
        this.activityId = activityId;
        this.status = status;
        this.caseStep = caseStep;
    }

    public String activityId() {
        return activityId;
    }

    public CaseStatus status() {
        return status;
    }

    /** The case's current step while this task is open. */
    public CaseStep caseStep() {
        return caseStep;
    }

    public static Optional<RecoveryStep> ofActivity(String activityId) {
        return Arrays.stream(values()).filter(s -> s.activityId.equals(activityId)).findFirst();
    }
}
