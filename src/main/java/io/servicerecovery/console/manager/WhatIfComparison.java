package io.servicerecovery.console.manager;

import java.util.List;
import java.util.stream.Collectors;

import io.servicerecovery.common.Money;
import io.servicerecovery.empowerment.EmpowermentViews.SimulationResult;
import io.servicerecovery.empowerment.Level;

/**
 * Today's limits and the candidate over the same proposals, side by side, with what the
 * chart needs as plain numbers (the chart reads them from the page, the table shows them) and
 * its legend and category words in the page's language.
 */
public record WhatIfComparison(SimulationResult today, SimulationResult candidate, ChartWords words) {

    /** The approving levels, lowest first, as the chart's and the table's rows. */
    public List<String> approvingLevels() {
        return Level.approvingLevels().stream().map(Enum::name).toList();
    }

    public int todayApprovals(String level) {
        return today.approvalsByLevel().getOrDefault(Level.valueOf(level), 0);
    }

    public int candidateApprovals(String level) {
        return candidate.approvalsByLevel().getOrDefault(Level.valueOf(level), 0);
    }

    public String todaySpend() {
        return spend(today.spend());
    }

    public String candidateSpend() {
        return spend(candidate.spend());
    }

    /** The chart's data as JSON: labels and the two series (today, candidate), built from the same numbers as the table. */
    public String chartJson() {
        List<String> labels = new java.util.ArrayList<>(List.of(words.atOnce(), words.escalated()));
        labels.addAll(approvingLevels());
        String todays = today.approvedWithinEmpowerment() + "," + today.escalated() + ","
                + approvingLevels().stream().map(l -> String.valueOf(todayApprovals(l))).collect(Collectors.joining(","));
        String candidates = candidate.approvedWithinEmpowerment() + "," + candidate.escalated() + ","
                + approvingLevels().stream().map(l -> String.valueOf(candidateApprovals(l))).collect(Collectors.joining(","));
        return "{\"labels\":" + labels.stream().map(DashboardCharts::quoted).collect(Collectors.joining(",", "[", "]"))
                + ",\"series\":[{\"label\":" + DashboardCharts.quoted(words.today()) + ",\"data\":[" + todays
                + "]},{\"label\":" + DashboardCharts.quoted(words.whatIf()) + ",\"data\":[" + candidates + "]}]}";
    }

    private static String spend(List<Money> spend) {
        return spend.isEmpty() ? "0" : spend.stream().map(m -> m.amount().toPlainString() + " " + m.currency())
                .collect(Collectors.joining(", "));
    }
}
