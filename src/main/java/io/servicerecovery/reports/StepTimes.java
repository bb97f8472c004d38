package io.servicerecovery.reports;

import static io.servicerecovery.reports.CaseSelection.count;
import static io.servicerecovery.reports.CaseSelection.durations;
import static io.servicerecovery.reports.CaseSelection.percentiles;
import static io.servicerecovery.reports.CaseSelection.seconds;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.servicerecovery.cases.Severity;
import io.servicerecovery.workflow.SlaPolicy;

/**
 * Time to first touch, each step's time and end to end (median, p90), and the SLA breaches per step, in one
 * aggregate over the selected cases and the few timeline kinds that mark where a step starts or ends.
 * <p>
 * Steps: ACCOUNTABILITY from opened to accountability taken; APOLOGY from then to the apology given;
 * APOLOGY_EMAIL from then to the follow-up email sent; COMPENSATION from the recommendation to the first
 * proposal. (An approval's time is the approvals' time to decision.) A step's SLA is the due time its task
 * gets from the severity ({@code recovery.sla.*}); it is breached when done later, or still not done now
 * while the case is open.
 */
@ApplicationScoped
class StepTimes {

    record Result(RecoveryReport.Times times, List<RecoveryReport.SlaBreaches> slaBreaches) {
    }

    /** A step: the columns (of the per-case row below) where it starts and ends. */
    private record Step(String name, String start, String end, boolean hasSla) {
    }

    private static final List<Step> STEPS = List.of(
            new Step("ACCOUNTABILITY", "d.created_at", "d.accountable_at", true),
            new Step("APOLOGY", "d.accountable_at", "d.apologized_at", true),
            new Step("APOLOGY_EMAIL", "d.apologized_at", "d.emailed_at", false),
            new Step("COMPENSATION", "d.recommended_at", "d.proposed_at", true));

    private static final String PER_CASE = "d as (select sel.id, sel.severity, sel.status, sel.created_at, "
            + "sel.apologized_at, sel.closed_at, t.first_touch, t.accountable_at, t.emailed_at, t.recommended_at, "
            + "t.proposed_at from sel left join (select te.case_id, "
            + "min(case when te.kind in ('TASK_CLAIMED', 'ACCOUNTABILITY_TAKEN') then te.occurred_at end) first_touch, "
            + "min(case when te.kind = 'ACCOUNTABILITY_TAKEN' then te.occurred_at end) accountable_at, "
            + "min(case when te.kind = 'EMAIL_SENT' then te.occurred_at end) emailed_at, "
            + "min(case when te.kind = 'COMPENSATION_RECOMMENDED' then te.occurred_at end) recommended_at, "
            + "min(case when te.kind = 'COMPENSATION_PROPOSED' then te.occurred_at end) proposed_at "
            + "from timeline_entry te join sel s on s.id = te.case_id where te.kind in ('TASK_CLAIMED', "
            + "'ACCOUNTABILITY_TAKEN', 'EMAIL_SENT', 'COMPENSATION_RECOMMENDED', 'COMPENSATION_PROPOSED') "
            + "group by te.case_id) t on t.case_id = sel.id) ";

    private final EntityManager em;
    private final SlaPolicy sla;
    private final Clock clock;

    StepTimes(EntityManager em, SlaPolicy sla, Clock clock) {
        this.em = em;
        this.sla = sla;
        this.clock = clock;
    }

    Result of(CaseSelection selection) {
        String slaSeconds = "(case d.severity" + caseBySeverity() + " end)";
        List<String> columns = new ArrayList<>();
        columns.add(aggregate("d.created_at", "d.first_touch"));
        for (Step step : STEPS) {
            columns.add(aggregate(step.start(), step.end()));
        }
        columns.add(aggregate("d.created_at", "case when d.status = 'RECOVERED' then d.closed_at end"));
        for (Step step : STEPS) {
            if (step.hasSla()) {
                String due = seconds(step.start(), step.end()) + " > " + slaSeconds;
                String overdue = step.end() + " is null and d.status not in ('RECOVERED', 'CANCELLED') and "
                        + seconds(step.start(), "cast(:now as timestamp with time zone)") + " > " + slaSeconds;
                columns.add("count(" + step.start() + "), sum(case when " + due + " then 1 else 0 end), "
                        + "sum(case when " + overdue + " then 1 else 0 end)");
            }
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("now", clock.instant());
        for (Severity severity : Severity.values()) {
            parameters.put("sla" + severity.name(), sla.dueAfter(severity).toSeconds());
        }
        Object[] row = selection.rows(em, selection.with(PER_CASE) + "select "
                + String.join(", ", columns) + " from d", parameters).get(0);
        int i = 0;
        RecoveryReport.Durations firstTouch = durations(row[i++], row[i++], row[i++]);
        List<RecoveryReport.StepTime> steps = new ArrayList<>();
        for (Step step : STEPS) {
            steps.add(new RecoveryReport.StepTime(step.name(), durations(row[i++], row[i++], row[i++])));
        }
        RecoveryReport.Durations endToEnd = durations(row[i++], row[i++], row[i++]);
        List<RecoveryReport.SlaBreaches> breaches = new ArrayList<>();
        for (Step step : STEPS) {
            if (step.hasSla()) {
                long tasks = count(row[i++]);
                long late = count(row[i++]);
                long overdue = count(row[i++]);
                breaches.add(new RecoveryReport.SlaBreaches(step.name(), tasks, late + overdue, late, overdue));
            }
        }
        return new Result(new RecoveryReport.Times(firstTouch, steps, endToEnd), breaches);
    }

    private static String aggregate(String start, String end) {
        return "count(" + seconds(start, end) + "), " + percentiles(seconds(start, end));
    }

    private static String caseBySeverity() {
        StringBuilder sql = new StringBuilder();
        for (Severity severity : Severity.values()) {
            sql.append(" when '").append(severity.name()).append("' then :sla").append(severity.name());
        }
        return sql.toString();
    }
}
