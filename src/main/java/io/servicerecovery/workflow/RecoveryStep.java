package io.servicerecovery.workflow;

import java.util.Arrays;
import java.util.Optional;

import io.servicerecovery.cases.CaseStatus;

/** The human steps of the process: the task type the API shows, its BPMN id and the case status while it is open. */
public enum RecoveryStep {
    ACCOUNTABILITY("TakeAccountability", CaseStatus.AWAITING_ACCOUNTABILITY),
    APOLOGY("GiveApology", CaseStatus.AWAITING_APOLOGY),
    COMPENSATION("ProposeCompensation", CaseStatus.AWAITING_COMPENSATION),
    APPROVAL("ApproveCompensation", CaseStatus.AWAITING_APPROVAL);

    private final String activityId;
    private final CaseStatus status;

    RecoveryStep(String activityId, CaseStatus status) {
        this.activityId = activityId;
        this.status = status;
    }

    public String activityId() {
        return activityId;
    }

    public CaseStatus status() {
        return status;
    }

    public static Optional<RecoveryStep> ofActivity(String activityId) {
        return Arrays.stream(values()).filter(s -> s.activityId.equals(activityId)).findFirst();
    }
}
