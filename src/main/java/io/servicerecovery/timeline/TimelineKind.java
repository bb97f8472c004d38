package io.servicerecovery.timeline;

/** What happened on a case. Every step leaves one entry, so nobody asks the customer twice. */
public enum TimelineKind {
    CASE_OPENED,
    TASK_CLAIMED,
    TASK_RELEASED,
    ACCOUNTABILITY_TAKEN,
    APOLOGY_GIVEN,
    EMAIL_SENT,
    EMAIL_FAILED,
    COMPENSATION_RECOMMENDED,
    COMPENSATION_PROPOSED,
    APPROVED_WITHIN_EMPOWERMENT,
    ESCALATED,
    APPROVED,
    REJECTED,
    GRANTED,
    RECOVERED,
    CANCELLED,
    INCIDENT_RETRIED
}
