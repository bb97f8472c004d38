package io.servicerecovery.cases;

public enum CaseStatus {
    AWAITING_ACCOUNTABILITY,
    AWAITING_APOLOGY,
    AWAITING_COMPENSATION,
    AWAITING_APPROVAL,
    RECOVERED,
    CANCELLED;

    public boolean isClosed() {
        return this == RECOVERED || this == CANCELLED;
    }
}
