package io.servicerecovery.reports;

import static io.servicerecovery.reports.CaseSelection.count;
import static io.servicerecovery.reports.CaseSelection.percentiles;

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
 * aggregate over the selected cases' rows of {@code case_timing} (epoch milliseconds, see {@link CaseTimings}).
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

    /** A step: the case_timing columns where it starts and ends. */
    private record Step(String name, String start, String end, boolean hasSla) {
    }

    private static final List<Step> STEPS = List.of(
            new Step("ACCOUNTABILITY", "t.opened_ms", "t.accountable_ms", true),
            new Step("APOLOGY", "t.accountable_ms", "t.apologized_ms", true),
            new Step("APOLOGY_EMAIL", "t.apologized_ms", "t.emailed_ms", false),
            new Step("COMPENSATION", "t.recommended_ms", "t.proposed_ms", true));

    private final EntityManager em;
    private final SlaPolicy sla;
    private final Clock clock;

    StepTimes(EntityManager em, SlaPolicy sla, Clock clock) {
        this.em = em;
        this.sla = sla;
        this.clock = clock;
    }

    Result of(CaseSelection selection) {
        String slaMillis = "(case sel.severity" + caseBySeverity() + " end)";
        List<String> columns = new ArrayList<>();
        columns.add(aggregate("t.opened_ms", "t.first_touch_ms"));
        for (Step step : STEPS) {
            columns.add(aggregate(step.start(), step.end()));
        }
        columns.add(aggregate("t.opened_ms", "t.recovered_ms"));
        for (Step step : STEPS) {
            if (step.hasSla()) {
                String late = step.end() + " - " + step.start() + " > " + slaMillis;
                String overdue = step.end() + " is null and sel.status not in ('RECOVERED', 'CANCELLED') and :now - "
                        + step.start() + " > " + slaMillis;
                columns.add("count(" + step.start() + "), sum(case when " + late + " then 1 else 0 end), "
                        + "sum(case when " + overdue + " then 1 else 0 end)");
            }
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("now", clock.instant().toEpochMilli());
        for (Severity severity : Severity.values()) {
            parameters.put("sla" + severity.name(), sla.dueAfter(severity).toMillis());
        }
        Object[] row = selection.rows(em, selection.with() + "select " + String.join(", ", columns)
                + " from sel join case_timing t on t.case_id = sel.id", parameters).get(0);
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

    /** Whole milliseconds sort fast; the answer is in seconds. */
    private static String aggregate(String start, String end) {
        return "count(" + end + " - " + start + "), " + percentiles(end + " - " + start);
    }

    private static RecoveryReport.Durations durations(Object count, Object median, Object p90) {
        return new RecoveryReport.Durations(count(count), seconds(median), seconds(p90));
    }

    private static Double seconds(Object millis) {
        return millis == null ? null : ((Number) millis).doubleValue() / 1000.0;
    }

    private static String caseBySeverity() {
        StringBuilder sql = new StringBuilder();
        for (Severity severity : Severity.values()) {
            sql.append(" when '").append(severity.name()).append("' then :sla").append(severity.name());
        }
        return sql.toString();
    }
}
