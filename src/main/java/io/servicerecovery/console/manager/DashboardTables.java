package io.servicerecovery.console.manager;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.servicerecovery.reports.RecoveryReport;
import io.servicerecovery.reports.RecoveryTrend;
import io.servicerecovery.reports.ReportDownloads;
import io.servicerecovery.reports.ReportDownloads.Table;

import static io.servicerecovery.reports.ReportDownloads.money;
import static io.servicerecovery.reports.ReportDownloads.seconds;
import static io.servicerecovery.reports.ReportDownloads.share;

/**
 * The dashboard's tables as the CSV files of its download: the headers and codes in the page's words, the
 * figures plain and rounded ({@link ReportDownloads}) so a spreadsheet can compute with them.
 */
final class DashboardTables {

    private DashboardTables() {
    }

    static List<Table> of(RecoveryReport r, List<RecoveryTrend.Point> trend, ManagerMessages m, Figures f) {
        List<Table> tables = new ArrayList<>();
        tables.add(new Table("cases.csv",
                List.of(m.dash_opened(), m.dash_recovered(), m.dash_open(), m.dash_cancelled(), m.dash_recovered_share(),
                        m.dash_escalations_by_timer_col(), m.dash_proposals_escalated()),
                List.of(List.of(n(r.cases().opened()), n(r.cases().recovered()), n(r.cases().open()),
                        n(r.cases().cancelled()), share(r.cases().recoveredShare()),
                        n(r.compensations().escalations().byTimer()),
                        n(r.compensations().escalations().proposalsEscalated())))));
        tables.add(new Table("recovered-over-time.csv",
                List.of(m.dash_from_day(), m.dash_opened(), m.dash_recovered(), m.dash_recovered_share()),
                trend.stream().map(p -> List.of(p.from().toString(), n(p.opened()), n(p.recovered()),
                        share(p.recoveredShare()))).toList()));
        List<List<String>> steps = new ArrayList<>();
        steps.add(durations(m.dash_first_touch(), r.times().firstTouch()));
        r.times().steps().forEach(s -> steps.add(durations(f.label("CaseStep", s.step()), s.duration())));
        steps.add(durations(m.dash_end_to_end(), r.times().endToEnd()));
        tables.add(new Table("time-per-step.csv",
                List.of(m.dash_step(), m.dash_count(), m.dash_median() + " (s)", "p90 (s)"), steps));
        tables.add(new Table("within-empowerment.csv",
                List.of(m.dash_level(), m.dash_proposals(), m.whatif_at_once(), m.whatif_escalated(), "%"),
                r.compensations().byProposerLevel().stream().map(l -> List.of(f.label("Level", l.level()),
                        n(l.proposals()), n(l.withinEmpowerment()), n(l.escalated()), share(l.withinShare()))).toList()));
        tables.add(new Table("spend-by-level.csv",
                List.of(m.dash_level(), m.dash_currency(), m.dash_credits(), m.dash_amount(), m.dash_discounts(),
                        m.dash_discount_value(), m.dash_budget_period(), m.dash_used()),
                r.spend().byLevel().stream().map(l -> List.of(f.label("Level", l.level()), l.currency(),
                        n(l.credits()), money(l.credit(), l.currency()), n(l.discounts()),
                        money(l.discountValue(), l.currency()), money(l.budgetInPeriod(), l.currency()),
                        share(l.budgetUsedShare()))).toList()));
        tables.add(new Table("spend-by-agent.csv",
                List.of(m.dash_agent(), m.dash_level(), m.dash_currency(), m.dash_credits(), m.dash_amount(),
                        m.dash_discounts(), m.dash_discount_value(), m.dash_daily_budget(), m.dash_budget_period(),
                        m.dash_used()),
                r.spend().byAgent().stream().map(a -> List.of(a.agent(), f.label("Level", a.level()), a.currency(),
                        n(a.credits()), money(a.credit(), a.currency()), n(a.discounts()),
                        money(a.discountValue(), a.currency()), money(a.dailyBudget(), a.currency()),
                        money(a.budgetInPeriod(), a.currency()), share(a.budgetUsedShare()))).toList()));
        tables.add(new Table("spend-by-type.csv",
                List.of(m.dash_type(), m.dash_currency(), m.dash_grants(), m.dash_amount()),
                r.spend().byType().stream().map(t -> List.of(f.label("CompensationType", t.type()),
                        t.currency() == null ? "" : t.currency(), n(t.grants()),
                        t.type().name().equals("DISCOUNT_PERCENT") ? ReportDownloads.plain(t.amount())
                                : money(t.amount(), t.currency()))).toList()));
        tables.add(new Table("approvals.csv",
                List.of(m.dash_level(), m.dash_approved(), m.dash_rejected(), m.dash_pending(),
                        m.dash_time_to_decision() + " (s)"),
                r.compensations().approvals().stream().map(a -> List.of(f.label("Level", a.level()), n(a.approved()),
                        n(a.rejected()), n(a.pending()), seconds(a.timeToDecision().medianSeconds()))).toList()));
        RecoveryReport.RepeatFailures rf = r.repeatFailures();
        tables.add(new Table("repeat-failures.csv",
                List.of(m.dash_cases(), m.dash_customers(), m.dash_recovered(), m.dash_cancelled(), m.dash_open(),
                        m.dash_compensated(), m.dash_recovered_share()),
                List.of(List.of(n(rf.cases()), n(rf.customers()), n(rf.recovered()), n(rf.cancelled()), n(rf.open()),
                        n(rf.compensated()), share(rf.recoveredShare())))));
        tables.add(new Table("sla-breaches.csv",
                List.of(m.dash_step(), m.dash_tasks(), m.dash_late(), m.dash_overdue()),
                r.slaBreaches().stream().map(b -> List.of(f.label("CaseStep", b.step()), n(b.tasks()),
                        n(b.completedLate()), n(b.openOverdue()))).toList()));
        tables.add(new Table("apology-checks.csv",
                List.of(m.dash_language(), m.dash_given(), m.dash_refusals(), m.dash_codes()),
                r.apologyFindings().stream().map(a -> List.of(f.language(a.language()), n(a.apologiesGiven()),
                        n(a.refusals()), a.codes().stream().map(k -> f.label("FindingCode", k.code()) + " " + k.refusals())
                                .collect(Collectors.joining("; ")))).toList()));
        return tables;
    }

    private static List<String> durations(String step, RecoveryReport.Durations d) {
        return List.of(step, n(d.count()), seconds(d.medianSeconds()), seconds(d.p90Seconds()));
    }

    private static String n(long value) {
        return Long.toString(value);
    }
}
