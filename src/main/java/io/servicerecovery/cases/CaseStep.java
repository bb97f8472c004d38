package io.servicerecovery.cases;

/** Where a case stands in its process: a human step, or the follow-up email between apology and proposal. */
public enum CaseStep {
    ACCOUNTABILITY,
    APOLOGY,
    APOLOGY_EMAIL,
    COMPENSATION,
    APPROVAL
}
