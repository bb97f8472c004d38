package io.servicerecovery.reports;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The report as CSV (RFC 4180): one section per figure family, each a header row and its rows, sections
 * separated by an empty line and introduced by a row {@code # <section>}. Durations in seconds, shares as
 * fractions, amounts as decimals; an empty field is a figure with nothing to compute it from.
 */
final class ReportCsv {

    private final StringBuilder out = new StringBuilder();

    private ReportCsv() {
    }

    static String of(RecoveryReport r) {
        ReportCsv csv = new ReportCsv();
        csv.section("period", List.of("from", "to", "currency", "level", "agent"),
                List.of(row(r.period().from(), r.period().to(), r.period().currency(), r.period().level(),
                        r.period().agent())));
        RecoveryReport.Cases c = r.cases();
        csv.section("cases", List.of("opened", "recovered", "cancelled", "open", "recovered_share"),
                List.of(row(c.opened(), c.recovered(), c.cancelled(), c.open(), c.recoveredShare())));
        List<List<Object>> times = new java.util.ArrayList<>();
        times.add(durations("FIRST_TOUCH", r.times().firstTouch()));
        r.times().steps().forEach(s -> times.add(durations(s.step(), s.duration())));
        times.add(durations("END_TO_END", r.times().endToEnd()));
        csv.section("times", List.of("measure", "count", "median_seconds", "p90_seconds"), times);
        csv.section("proposals_by_proposer_level", List.of("level", "proposals", "within_empowerment", "escalated",
                "within_share", "escalated_share"), r.compensations().byProposerLevel().stream()
                        .map(p -> row(p.level(), p.proposals(), p.withinEmpowerment(), p.escalated(),
                                p.withinShare(), p.escalatedShare())).toList());
        csv.section("approvals_by_level", List.of("level", "approved", "rejected", "pending", "decided",
                "median_seconds_to_decision", "p90_seconds_to_decision"), r.compensations().approvals().stream()
                        .map(a -> row(a.level(), a.approved(), a.rejected(), a.pending(), a.timeToDecision().count(),
                                a.timeToDecision().medianSeconds(), a.timeToDecision().p90Seconds())).toList());
        csv.section("escalations", List.of("by_timer", "proposals_escalated"), List.of(row(
                r.compensations().escalations().byTimer(), r.compensations().escalations().proposalsEscalated())));
        csv.section("spend_by_type", List.of("type", "currency", "grants", "amount"), r.spend().byType().stream()
                .map(s -> row(s.type(), s.currency(), s.grants(), s.amount())).toList());
        csv.section("spend_by_agent", List.of("agent", "level", "currency", "credits", "credit", "discounts",
                "discount_value", "daily_budget", "budget_in_period", "budget_used_share"), r.spend().byAgent()
                        .stream().map(s -> row(s.agent(), s.level(), s.currency(), s.credits(), s.credit(),
                                s.discounts(), s.discountValue(), s.dailyBudget(), s.budgetInPeriod(),
                                s.budgetUsedShare())).toList());
        csv.section("spend_by_level", List.of("level", "currency", "credits", "credit", "discounts", "discount_value",
                "budget_in_period", "budget_used_share"), r.spend().byLevel().stream().map(s -> row(s.level(),
                        s.currency(), s.credits(), s.credit(), s.discounts(), s.discountValue(), s.budgetInPeriod(),
                        s.budgetUsedShare())).toList());
        RecoveryReport.RepeatFailures f = r.repeatFailures();
        csv.section("repeat_failures", List.of("cases", "customers", "recovered", "cancelled", "open", "compensated",
                "recovered_share"), List.of(row(f.cases(), f.customers(), f.recovered(), f.cancelled(), f.open(),
                        f.compensated(), f.recoveredShare())));
        csv.section("sla_breaches", List.of("step", "tasks", "breached", "completed_late", "open_overdue"),
                r.slaBreaches().stream().map(s -> row(s.step(), s.tasks(), s.breached(), s.completedLate(),
                        s.openOverdue())).toList());
        csv.section("apology_refusals", List.of("language", "code", "refusals", "language_refusals",
                "language_apologies_given"), r.apologyFindings().stream().flatMap(l -> l.codes().isEmpty()
                        ? Stream.of(row(l.language(), null, null, l.refusals(), l.apologiesGiven()))
                        : l.codes().stream().map(code -> row(l.language(), code.code(), code.refusals(), l.refusals(),
                                l.apologiesGiven()))).toList());
        return csv.out.toString();
    }

    private static List<Object> durations(String measure, RecoveryReport.Durations d) {
        return row(measure, d.count(), d.medianSeconds(), d.p90Seconds());
    }

    private static List<Object> row(Object... values) {
        return java.util.Arrays.asList(values);
    }

    private void section(String name, List<String> header, List<? extends List<?>> rows) {
        if (!out.isEmpty()) {
            out.append("\r\n");
        }
        out.append("# ").append(name).append("\r\n");
        line(header);
        rows.forEach(this::line);
    }

    private void line(List<?> values) {
        out.append(values.stream().map(ReportCsv::field).collect(Collectors.joining(","))).append("\r\n");
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
        // An agent id is the only free text; quote what CSV needs quoted, and defuse spreadsheet formulas.
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
