package io.servicerecovery.cases;

/**
 * Where a case stands in its process: a human step, or {@link #APOLOGY_EMAIL}, the follow-up email when it is all
 * the case still waits for (the compensation booked, the email not yet sent; before the email had a branch of its
 * own, also the time between apology and proposal).
 */
public enum CaseStep {
    ACCOUNTABILITY,
    APOLOGY,
    APOLOGY_EMAIL,
    COMPENSATION,
    APPROVAL
}
