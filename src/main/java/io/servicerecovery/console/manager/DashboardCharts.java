package io.servicerecovery.console.manager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.servicerecovery.reports.RecoveryReport;
import io.servicerecovery.reports.RecoveryTrend;

/**
 * The dashboard's charts as the data their canvases carry (read by {@code /console/charts.js}),
 * built from the same report records the tables beside them show, so the picture and the
 * numbers cannot disagree; the legends in the page's language ({@link ChartWords}).
 */
public record DashboardCharts(RecoveryReport report, List<RecoveryTrend.Point> trend, ChartWords words,
        Figures figures) {

    /** Recovered share (%) of the cases opened in each day or week. */
    public String recoveredOverTime() {
        return chart("line", labels(trend, p -> figures.date(p.from())),
                series(words.recoveredShare(), trend, p -> p.recoveredShare() == null ? null : percent(p.recoveredShare())),
                100, false);
    }

    /** Median and p90 per step, in hours. */
    public String timePerStep() {
        List<Row<RecoveryReport.Durations>> rows = stepRows();
        return chart("bar", labels(rows, Row::label),
                series(words.medianHours(), rows, r -> hours(r.value().medianSeconds())) + ","
                        + series(words.p90Hours(), rows, r -> hours(r.value().p90Seconds())), null, false);
    }

    /** Proposals granted at once vs escalated, by the proposer's level: counts, so whole steps on the axis. */
    public String withinEmpowerment() {
        List<RecoveryReport.ProposalsByLevel> rows = report.compensations().byProposerLevel();
        return chart("bar", labels(rows, r -> figures.label("Level", r.level())),
                series(words.atOnce(), rows, r -> (double) r.withinEmpowerment()) + ","
                        + series(words.escalated(), rows, r -> (double) r.escalated()), null, true);
    }

    /**
     * The share of each level's budget for the period that its credits used, in percent. Budgets and credits
     * differ by thousands (a 600,000 budget beside a 40 credit), so bars of the amounts hid the credits; the
     * amounts are written beside the chart ({@link #spendRows}). A level without a budget has no bar.
     */
    public String spendAgainstBudget() {
        List<RecoveryReport.SpendByLevel> rows = report.spend().byLevel();
        return chart("bar", labels(rows, this::spendLabel),
                series(words.budgetUsed(), rows, r -> r.budgetUsedShare() == null ? null : percent(r.budgetUsedShare())),
                100, false);
    }

    /** The spend chart's bars as words: "Agent · EUR: 140.00 EUR of 3,500.00 EUR (4.0%)". */
    public List<Row<String>> spendRows() {
        return report.spend().byLevel().stream().map(r -> new Row<>(r.level().name() + "-" + r.currency(), spendLabel(r),
                figures.message(r.budgetInPeriod() == null ? words.spentNoBudget() : words.spentOf(), Map.of(
                        "credit", figures.money(r.credit(), r.currency()),
                        "budget", figures.money(r.budgetInPeriod(), r.currency()),
                        "share", figures.share(r.budgetUsedShare())))))
                .toList();
    }

    private String spendLabel(RecoveryReport.SpendByLevel r) {
        return figures.label("Level", r.level()) + " · " + r.currency();
    }

    /** Approvals decided and pending per approving level: counts, so whole steps on the axis. */
    public String approvals() {
        List<RecoveryReport.ApprovalsByLevel> rows = report.compensations().approvals();
        return chart("bar", labels(rows, r -> figures.label("Level", r.level())),
                series(words.approved(), rows, r -> (double) r.approved()) + ","
                        + series(words.rejected(), rows, r -> (double) r.rejected()) + ","
                        + series(words.pending(), rows, r -> (double) r.pending()), null, true);
    }

    /** First touch, each step and end to end, as the time table's rows, each with its code and its words. */
    public List<Row<RecoveryReport.Durations>> stepRows() {
        List<Row<RecoveryReport.Durations>> rows = new ArrayList<>();
        rows.add(new Row<>("FIRST_TOUCH", words.firstTouch(), report.times().firstTouch()));
        report.times().steps().forEach(s -> rows.add(new Row<>(s.step(), figures.label("CaseStep", s.step()), s.duration())));
        rows.add(new Row<>("END_TO_END", words.endToEnd(), report.times().endToEnd()));
        return rows;
    }

    /** code: what tests and scripts find the row by; label: what a person reads. */
    public record Row<T>(String code, String label, T value) {
    }

    static Double hours(Double seconds) {
        return seconds == null ? null : Math.round(seconds / 360.0) / 10.0;
    }

    private static Double percent(Double share) {
        return Math.round(share * 1000.0) / 10.0;
    }

    private static <T> String labels(List<T> rows, Function<T, String> label) {
        return rows.stream().map(r -> quoted(label.apply(r))).collect(Collectors.joining(",", "[", "]"));
    }

    private static <T> String series(String name, List<T> rows, Function<T, Double> value) {
        return "{\"label\":" + quoted(name) + ",\"data\":" + rows.stream().map(value)
                .map(v -> v == null ? "null" : v.toString()).collect(Collectors.joining(",", "[", "]")) + "}";
    }

    /** integer: the values are counts, so the axis steps by whole numbers (charts.js). */
    private static String chart(String type, String labels, String series, Integer max, boolean integer) {
        return "{\"type\":\"" + type + "\",\"labels\":" + labels + ",\"series\":[" + series + "]"
                + (max == null ? "" : ",\"max\":" + max) + (integer ? ",\"integer\":true" : "") + "}";
    }

    /** A JSON string. */
    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
