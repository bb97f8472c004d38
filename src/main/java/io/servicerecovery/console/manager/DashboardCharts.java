package io.servicerecovery.console.manager;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.servicerecovery.reports.RecoveryReport;
import io.servicerecovery.reports.RecoveryTrend;

/**
 * The dashboard's charts as the data their canvases carry (read by {@code /console/charts.js}),
 * built from the same report records the tables beside them show, so the picture and the
 * numbers cannot disagree; the legends in the page's language ({@link ChartWords}).
 */
public record DashboardCharts(RecoveryReport report, List<RecoveryTrend.Point> trend, ChartWords words) {

    /** Recovered share (%) of the cases opened in each day or week. */
    public String recoveredOverTime() {
        return chart("line", labels(trend, p -> p.from().toString()),
                series(words.recoveredShare(), trend, p -> p.recoveredShare() == null ? null : percent(p.recoveredShare())), 100);
    }

    /** Median and p90 per step, in hours. */
    public String timePerStep() {
        List<Row<RecoveryReport.Durations>> rows = stepRows();
        return chart("bar", labels(rows, Row::label),
                series(words.medianHours(), rows, r -> hours(r.value().medianSeconds())) + ","
                        + series(words.p90Hours(), rows, r -> hours(r.value().p90Seconds())), null);
    }

    /** Proposals granted at once vs escalated, by the proposer's level. */
    public String withinEmpowerment() {
        List<RecoveryReport.ProposalsByLevel> rows = report.compensations().byProposerLevel();
        return chart("bar", labels(rows, r -> r.level().name()),
                series(words.atOnce(), rows, r -> (double) r.withinEmpowerment()) + ","
                        + series(words.escalated(), rows, r -> (double) r.escalated()), null);
    }

    /** Credits granted against the budget of the period, by level and currency. */
    public String spendAgainstBudget() {
        List<RecoveryReport.SpendByLevel> rows = report.spend().byLevel();
        return chart("bar", labels(rows, r -> r.level() + " " + r.currency()),
                series(words.credit(), rows, r -> number(r.credit())) + ","
                        + series(words.budget(), rows, r -> number(r.budgetInPeriod())), null);
    }

    /** Approvals decided and pending per approving level. */
    public String approvals() {
        List<RecoveryReport.ApprovalsByLevel> rows = report.compensations().approvals();
        return chart("bar", labels(rows, r -> r.level().name()),
                series(words.approved(), rows, r -> (double) r.approved()) + ","
                        + series(words.rejected(), rows, r -> (double) r.rejected()) + ","
                        + series(words.pending(), rows, r -> (double) r.pending()), null);
    }

    /** First touch, each step and end to end, as the time table's rows. */
    public List<Row<RecoveryReport.Durations>> stepRows() {
        List<Row<RecoveryReport.Durations>> rows = new ArrayList<>();
        rows.add(new Row<>("FIRST_TOUCH", report.times().firstTouch()));
        report.times().steps().forEach(s -> rows.add(new Row<>(s.step(), s.duration())));
        rows.add(new Row<>("END_TO_END", report.times().endToEnd()));
        return rows;
    }

    public record Row<T>(String label, T value) {
    }

    static Double hours(Double seconds) {
        return seconds == null ? null : Math.round(seconds / 360.0) / 10.0;
    }

    private static Double percent(Double share) {
        return Math.round(share * 1000.0) / 10.0;
    }

    private static Double number(BigDecimal amount) {
        return amount == null ? null : amount.doubleValue();
    }

    private static <T> String labels(List<T> rows, Function<T, String> label) {
        return rows.stream().map(r -> quoted(label.apply(r))).collect(Collectors.joining(",", "[", "]"));
    }

    private static <T> String series(String name, List<T> rows, Function<T, Double> value) {
        return "{\"label\":" + quoted(name) + ",\"data\":" + rows.stream().map(value)
                .map(v -> v == null ? "null" : v.toString()).collect(Collectors.joining(",", "[", "]")) + "}";
    }

    private static String chart(String type, String labels, String series, Integer max) {
        return "{\"type\":\"" + type + "\",\"labels\":" + labels + ",\"series\":[" + series + "]"
                + (max == null ? "" : ",\"max\":" + max) + "}";
    }

    /** A JSON string. */
    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
