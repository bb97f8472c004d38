package io.servicerecovery.reports;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;

import io.servicerecovery.timeline.TimelineKind;
import io.servicerecovery.timeline.TimelineRecorded;

/**
 * Keeps {@code case_timing}: when each step of a case first happened, as epoch milliseconds, so that the
 * report's times are differences of whole numbers over one row per case instead of a pivot of the whole
 * timeline. Observes the timeline's events in the transaction that records them: the row commits or rolls
 * back with the step itself.
 */
@ApplicationScoped
class CaseTimings {

    /** The column each kind of entry sets (the first time only); other kinds do not matter to the report. */
    private static final Map<TimelineKind, String> COLUMN = Map.of(
            TimelineKind.TASK_CLAIMED, "first_touch_ms",
            TimelineKind.APOLOGY_GIVEN, "apologized_ms",
            TimelineKind.EMAIL_SENT, "emailed_ms",
            TimelineKind.COMPENSATION_RECOMMENDED, "recommended_ms",
            TimelineKind.COMPENSATION_PROPOSED, "proposed_ms",
            TimelineKind.RECOVERED, "recovered_ms");

    private final EntityManager em;

    CaseTimings(EntityManager em) {
        this.em = em;
    }

    void on(@Observes TimelineRecorded recorded) {
        long at = recorded.at().toEpochMilli();
        if (recorded.kind() == TimelineKind.CASE_OPENED) {
            write("insert into case_timing (case_id, opened_ms) values (?2, ?1)", at, recorded);
        } else if (recorded.kind() == TimelineKind.ACCOUNTABILITY_TAKEN) {
            // Taking accountability is a touch too, when the agent held the task without claiming it.
            write("update case_timing set accountable_ms = coalesce(accountable_ms, ?1), "
                    + "first_touch_ms = coalesce(first_touch_ms, ?1) where case_id = ?2", at, recorded);
        } else if (COLUMN.containsKey(recorded.kind())) {
            String column = COLUMN.get(recorded.kind());
            write("update case_timing set " + column + " = coalesce(" + column + ", ?1) where case_id = ?2", at, recorded);
        }
    }

    /**
     * Declared to touch case_timing only, so Hibernate does not flush the whole persistence context first (as
     * it does before a native statement it knows nothing about): the step's own writes keep their order.
     */
    private void write(String sql, long at, TimelineRecorded recorded) {
        em.createNativeQuery(sql).unwrap(NativeQuery.class).addSynchronizedQuerySpace("case_timing")
                .setParameter(1, at).setParameter(2, recorded.caseId()).executeUpdate();
    }
}
