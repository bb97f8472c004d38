package io.servicerecovery.chaos;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.servicerecovery.bench.Http;
import io.servicerecovery.testkit.SmtpServer;

/**
 * What the run left behind, counted against what the clients were told: confirmed cases
 * that are gone, flows that did not finish, emails and grants that happened twice, budgets
 * overspent, webhook events lost or out of order. Writes the report; exit code 1 when a
 * target is missed (lost cases, unfinished flows, duplicate grants, overspend, lost or
 * reordered webhook events, duplicate emails not explained by a kill).
 */
final class Findings {

    static final String AGENT_DAILY_BUDGET = "200.00";
    static final String AGENT_CASE_CAP = "50.00";
    /** A duplicate email is explained by a kill this soon after the first copy was accepted (before its commit). */
    static final long KILL_WINDOW_MILLIS = 2000;

    private final Options options;
    private final Database db;
    private final FlowStats stats;
    private final SmtpServer smtp;
    private final HangingWebhookReceiver hooks;
    private final List<Long> kills;
    private final List<long[]> databaseOutages;

    Findings(Options options, Database db, FlowStats stats, SmtpServer smtp, HangingWebhookReceiver hooks, List<Long> kills,
            List<long[]> databaseOutages) {
        this.options = options;
        this.db = db;
        this.stats = stats;
        this.smtp = smtp;
        this.hooks = hooks;
        this.kills = kills;
        this.databaseOutages = databaseOutages;
    }

    int write(Map<String, Object> report) throws Exception {
        Map<String, Object> counts = new LinkedHashMap<>();
        Map<String, Object> details = new LinkedHashMap<>();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            cases(st, counts, details);
            grantsAndBudgets(st, counts, details);
            emails(st, counts, details);
            webhooks(st, counts, details);
        }
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("flowsStarted", stats.flowsStarted.sum());
        load.put("requests", stats.requests.sum());
        load.put("requestsWithoutAnswer", stats.connectionFailures.sum());
        load.put("caseOpenRetries", stats.openRetries.sum());
        load.put("caseOpensAnsweredByReplay", stats.replayedOpens.sum());
        load.put("proposalsWithinEmpowerment", stats.withinEmpowerment.sum());
        load.put("approvalsByTheDirector", stats.approvals.sum());
        load.put("asyncStepSeconds", ChaosMain.summary(new ArrayList<>(stats.asyncStepSeconds)));
        load.put("asyncStepsOver60Seconds", stats.asyncStepSeconds.stream().filter(s -> s > 60).count());
        Map<String, Object> byPhase = new LinkedHashMap<>();
        stats.asyncStepSecondsByPhase.forEach((phase, seconds) -> byPhase.put(phase, ChaosMain.summary(new ArrayList<>(seconds))));
        load.put("asyncStepSecondsByPhase", byPhase);
        load.put("answersOtherThan2xx", stats.answersByEndpoint());
        report.put("counts", counts);
        report.put("load", load);
        report.put("details", details);

        List<String> missed = missedTargets(counts);
        report.put("targetsMissed", missed);
        String db = options.db;
        Files.writeString(options.out.resolve("report-" + db + ".json"),
                Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        Files.writeString(options.out.resolve("report-" + db + ".md"), markdown(report, counts));
        ChaosMain.log("report: " + options.out.resolve("report-" + db + ".md") + (missed.isEmpty() ? ", every target met"
                : ", targets missed: " + missed));
        return missed.isEmpty() ? 0 : 1;
    }

    private void cases(Statement st, Map<String, Object> counts, Map<String, Object> details) throws SQLException {
        Map<String, String> status = new HashMap<>();
        query(st, "select id, status from recovery_case where client_id like 'chaos-crm-%'",
                rs -> status.put(rs.getString(1), rs.getString(2)));
        List<String> lost = stats.confirmed.keySet().stream().filter(id -> !status.containsKey(id)).sorted().toList();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        status.values().stream().sorted().forEach(s -> byStatus.merge(s, 1L, Long::sum));
        counts.put("casesConfirmed", stats.confirmed.size());
        counts.put("confirmedCasesPresent", stats.confirmed.size() - lost.size());
        counts.put("confirmedCasesLost", lost.size());
        counts.put("casesInDatabase", status.size());
        counts.put("casesNeverConfirmed", status.keySet().stream().filter(id -> !stats.confirmed.containsKey(id)).count());
        counts.put("flowsFinished", stats.recovered.size());
        counts.put("flowsUnfinished", stats.unfinished.size());
        details.put("casesByStatus", byStatus);
        details.put("lostCases", lost);
        details.put("unfinishedFlows", stats.unfinished);
    }

    private void grantsAndBudgets(Statement st, Map<String, Object> counts, Map<String, Object> details) throws SQLException {
        long[] duplicateGrants = { 0 };
        query(st, "select count(*) - 1 from compensation_grant g join recovery_case c on c.id = g.case_id"
                + " where c.client_id like 'chaos-crm-%' group by g.case_id having count(*) > 1", rs -> duplicateGrants[0] += rs.getLong(1));
        long[] recoveredWithoutGrant = { 0 };
        query(st, "select count(*) from recovery_case c where c.client_id like 'chaos-crm-%' and c.status = 'RECOVERED'"
                + " and not exists (select 1 from compensation_grant g where g.case_id = c.id)", rs -> recoveredWithoutGrant[0] = rs.getLong(1));
        long[] grants = { 0 };
        query(st, "select count(*) from compensation_grant g join recovery_case c on c.id = g.case_id where c.client_id like 'chaos-crm-%'",
                rs -> grants[0] = rs.getLong(1));
        Map<String, String> spentByAgent = new LinkedHashMap<>();
        List<String> overspent = new ArrayList<>();
        query(st, "select agent_id, sum(amount) from budget_reservation where agent_id like 'chaos-agent-%' group by agent_id order by agent_id",
                rs -> {
                    spentByAgent.put(rs.getString(1), rs.getBigDecimal(2).toPlainString());
                    if (rs.getBigDecimal(2).compareTo(new java.math.BigDecimal(AGENT_DAILY_BUDGET)) > 0) {
                        overspent.add(rs.getString(1));
                    }
                });
        long[] aboveCap = { 0 };
        query(st, "select count(*) from compensation_proposal where proposed_by like 'chaos-agent-%'"
                + " and outcome = 'APPROVED_WITHIN_EMPOWERMENT' and amount > " + AGENT_CASE_CAP, rs -> aboveCap[0] = rs.getLong(1));
        counts.put("grants", grants[0]);
        counts.put("duplicateGrants", duplicateGrants[0]);
        counts.put("recoveredCasesWithoutGrant", recoveredWithoutGrant[0]);
        counts.put("agentsOverBudget", overspent.size());
        counts.put("approvalsAboveTheAgentCap", aboveCap[0]);
        details.put("creditsReservedByAgent (budget " + AGENT_DAILY_BUDGET + " EUR each)", spentByAgent);
    }

    private void emails(Statement st, Map<String, Object> counts, Map<String, Object> details) throws SQLException {
        Set<String> expected = new HashSet<>();
        query(st, "select d.message_id from email_delivery d join recovery_case c on c.id = d.case_id"
                + " where c.client_id like 'chaos-crm-%' and d.status = 'ACCEPTED'", rs -> expected.add(rs.getString(1)));
        Map<String, List<Long>> accepted = smtp.arrivalsByMessageId();
        long missing = expected.stream().filter(id -> !accepted.containsKey(id)).count();
        long duplicates = 0;
        long explained = 0;
        List<String> unexplained = new ArrayList<>();
        for (Map.Entry<String, List<Long>> e : accepted.entrySet()) {
            List<Long> copies = e.getValue();
            if (copies.size() < 2) {
                continue;
            }
            duplicates += copies.size() - 1;
            long first = copies.get(0);
            boolean byKill = kills.stream().anyMatch(k -> k >= first && k - first <= KILL_WINDOW_MILLIS);
            // The same window from the database's side: the SMTP server accepted the first copy, then the
            // commit of the delivery record failed because PostgreSQL went away (a connection cut by the restart).
            boolean byDatabaseRestart = databaseOutages.stream()
                    .anyMatch(o -> first >= o[0] - KILL_WINDOW_MILLIS && first <= o[1]);
            if (byKill || byDatabaseRestart) {
                explained += copies.size() - 1;
            } else {
                unexplained.add(e.getKey());
            }
        }
        counts.put("emailsAccepted", smtp.messages());
        counts.put("emailsRecordedAsAccepted", expected.size());
        counts.put("emailsRecordedButNeverReceived", missing);
        counts.put("duplicateEmails", duplicates);
        counts.put("duplicateEmailsRightAfterAKillOrDatabaseRestart", explained);
        counts.put("duplicateEmailsUnexplained", duplicates - explained);
        details.put("unexplainedDuplicateEmails", unexplained);
    }

    private void webhooks(Statement st, Map<String, Object> counts, Map<String, Object> details) throws SQLException {
        record Delivery(String client, String eventId, String caseId, long seq, String status) {
        }
        List<Delivery> deliveries = new ArrayList<>();
        query(st, "select s.client_id, e.id, e.case_id, e.seq, d.status from webhook_delivery d join webhook_event e on e.id = d.event_id"
                + " join webhook_subscription s on s.id = d.subscription_id where s.client_id like 'chaos-crm-%'",
                rs -> deliveries.add(new Delivery(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5))));
        Map<String, Delivery> byKey = new HashMap<>();
        deliveries.forEach(d -> byKey.put(d.client() + "|" + d.eventId(), d));
        Set<String> seen = new HashSet<>();
        long copies = 0;
        Map<String, Long> lastSeqByClientCase = new HashMap<>();
        long outOfOrder = 0;
        List<String> outOfOrderSamples = new ArrayList<>();
        for (HangingWebhookReceiver.Received r : hooks.received) {
            String key = r.client() + "|" + r.webhookId();
            if (!seen.add(key)) {
                copies++;
                continue;
            }
            Delivery d = byKey.get(key);
            if (d == null) {
                continue;
            }
            String stream = d.client() + "|" + d.caseId();
            Long last = lastSeqByClientCase.put(stream, d.seq());
            if (last != null && last > d.seq()) {
                outOfOrder++;
                if (outOfOrderSamples.size() < 10) {
                    outOfOrderSamples.add(stream + ": seq " + d.seq() + " after " + last);
                }
            }
        }
        long lost = deliveries.stream().filter(d -> !seen.contains(d.client() + "|" + d.eventId())).count();
        long failed = deliveries.stream().filter(d -> d.status().equals("FAILED")).count();
        Set<String> recoveredWithoutEvent = new HashSet<>();
        Set<String> caseEvents = new HashSet<>();
        query(st, "select case_id, event_type from webhook_event where client_id like 'chaos-crm-%'",
                rs -> caseEvents.add(rs.getString(1) + "|" + rs.getString(2)));
        for (String caseId : stats.recovered.keySet()) {
            if (!caseEvents.contains(caseId + "|case.opened") || !caseEvents.contains(caseId + "|case.recovered")) {
                recoveredWithoutEvent.add(caseId);
            }
        }
        counts.put("webhookDeliveries", deliveries.size());
        counts.put("webhookEventsLost", lost);
        counts.put("webhookDeliveriesFailed", failed);
        counts.put("webhookEventsOutOfOrder", outOfOrder);
        counts.put("webhookCopiesReceivedTwice", copies);
        counts.put("recoveredCasesWithoutOpenedOrRecoveredEvent", recoveredWithoutEvent.size());
        details.put("webhookOutOfOrderSamples", outOfOrderSamples);
    }

    private static List<String> missedTargets(Map<String, Object> counts) {
        List<String> missed = new ArrayList<>();
        for (String zero : List.of("confirmedCasesLost", "flowsUnfinished", "duplicateGrants", "recoveredCasesWithoutGrant",
                "agentsOverBudget", "approvalsAboveTheAgentCap", "emailsRecordedButNeverReceived", "duplicateEmailsUnexplained",
                "webhookEventsLost", "webhookDeliveriesFailed", "webhookEventsOutOfOrder", "recoveredCasesWithoutOpenedOrRecoveredEvent")) {
            if (((Number) counts.get(zero)).longValue() != 0) {
                missed.add(zero + " = " + counts.get(zero));
            }
        }
        return missed;
    }

    @SuppressWarnings("unchecked")
    private static String markdown(Map<String, Object> report, Map<String, Object> counts) throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("# Fault-injection run: ").append(((Map<String, Object>) report.get("settings")).get("db")).append("\n\n");
        md.append("`").append(report.get("command")).append("`, ").append(report.get("generatedAt")).append(", ")
                .append(report.get("durationSeconds")).append(" s\n\n| count | value |\n|---|---|\n");
        counts.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("\n## Faults\n\n```json\n")
                .append(Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report.get("faults"))).append("\n```\n");
        md.append("\n## Load\n\n```json\n")
                .append(Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report.get("load"))).append("\n```\n");
        md.append("\nTargets missed: ").append(report.get("targetsMissed")).append("\n");
        return md.toString();
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void query(Statement st, String sql, Row row) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                row.accept(rs);
            }
        }
    }

}
