package io.servicerecovery.reports;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * Rows written straight into the service's tables with fixed timestamps, so a report over them has answers
 * known in advance. Every id is derived from a name, and {@link #clear} removes what an earlier run left
 * (the PostgreSQL test database is kept between runs).
 */
final class ReportSeed implements AutoCloseable {

    private final Connection db;
    private final List<UUID> cases = new ArrayList<>();

    ReportSeed(DataSource dataSource) throws SQLException {
        this.db = dataSource.getConnection();
        db.setAutoCommit(true);
    }

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("issue-17-report-" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Removes the named cases and everything hanging off them, and the seeded people. */
    void clear(List<String> caseNames, List<String> people) throws SQLException {
        for (String name : caseNames) {
            UUID c = id(name);
            run("delete from apology_refusal_code where refusal_id in (select id from apology_refusal where case_id = ?)", c);
            run("delete from apology_refusal where case_id = ?", c);
            run("delete from compensation_grant where case_id = ?", c);
            run("delete from budget_reservation where case_id = ?", c);
            run("delete from compensation_proposal where case_id = ?", c);
            run("delete from timeline_entry where case_id = ?", c);
            run("delete from case_timing where case_id = ?", c);
            run("delete from recovery_case where id = ?", c);
        }
        for (String person : people) {
            run("delete from agent_limit_override where agent_id = ?", person);
            run("delete from agent_empowerment where agent_id = ?", person);
        }
    }

    void person(String id, String level) throws SQLException {
        run("insert into agent_empowerment (agent_id, level, version, updated_at, updated_by) values (?, ?, 1, ?, 'test')",
                id, level, Instant.parse("2020-01-01T00:00:00Z"));
    }

    void dailyBudgetOverride(String agent, String currency, String budget) throws SQLException {
        run("insert into agent_limit_override (agent_id, currency, daily_budget) values (?, ?, ?)", agent, currency,
                new BigDecimal(budget));
    }

    /** A case; {@code agent} took accountability (null: nobody yet, {@code owner} named by the CRM). */
    void aCase(String name, String client, String customer, String locale, String severity, String status,
            boolean repeat, String orderAmount, String orderCurrency, Instant created, String agent, String owner,
            Instant apologized, Instant closed) throws SQLException {
        UUID c = id(name);
        cases.add(c);
        run("insert into recovery_case (id, client_id, external_ref, customer_id, customer_name, customer_email, "
                + "customer_locale, customer_tier, failure_stage, failure_channel, failure_category, failure_description, "
                + "severity, occurred_at, order_amount, order_currency, owner_agent, accountable_agent, status, priority, "
                + "repeat_failure, created_at, updated_at, apologized_at, closed_at, version, apology_message) "
                + "values (?, ?, ?, ?, 'Ana Ozola', 'ana@example.com', ?, 'GOLD', 'POST_PURCHASE', 'PHONE', "
                + "'LATE_DELIVERY', 'late', ?, ?, ?, ?, ?, ?, ?, 50, ?, ?, ?, ?, ?, 0, ?)",
                c, client, "R17-" + name, customer, locale, severity, created,
                orderAmount == null ? null : new BigDecimal(orderAmount), orderCurrency, owner, agent, status, repeat,
                created, created, apologized, closed, apologized == null ? null : "Sorry, Ana.");
    }

    /** A timeline entry, and the case_timing row as the service keeps it from the timeline (CaseTimings). */
    void timeline(String caseName, String kind, String actor, Instant at) throws SQLException {
        UUID c = id(caseName);
        run("insert into timeline_entry (id, case_id, occurred_at, kind, actor, summary) values (?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(), c, at, kind, actor, kind);
        long ms = at.toEpochMilli();
        switch (kind) {
            case "CASE_OPENED" -> run("insert into case_timing (case_id, opened_ms) values (?, ?)", c, ms);
            case "ACCOUNTABILITY_TAKEN" -> run("update case_timing set accountable_ms = coalesce(accountable_ms, ?), "
                    + "first_touch_ms = coalesce(first_touch_ms, ?) where case_id = ?", ms, ms, c);
            case "TASK_CLAIMED" -> timing("first_touch_ms", ms, c);
            case "APOLOGY_GIVEN" -> timing("apologized_ms", ms, c);
            case "EMAIL_SENT" -> timing("emailed_ms", ms, c);
            case "COMPENSATION_RECOMMENDED" -> timing("recommended_ms", ms, c);
            case "COMPENSATION_PROPOSED" -> timing("proposed_ms", ms, c);
            case "RECOVERED" -> timing("recovered_ms", ms, c);
            default -> { }
        }
    }

    private void timing(String column, long ms, UUID caseId) throws SQLException {
        run("update case_timing set " + column + " = coalesce(" + column + ", ?) where case_id = ?", ms, caseId);
    }

    /** A proposal; {@code proposerLevel} null as for proposals from before the column existed. */
    UUID proposal(String caseName, String name, String type, String amount, String currency, String by,
            String proposerLevel, Instant at, String outcome, String approverLevel, int escalations, String decidedBy,
            Instant decidedAt, String approved) throws SQLException {
        UUID p = id(caseName + "/" + name);
        run("insert into compensation_proposal (id, case_id, comp_type, amount, currency, reason, proposed_by, proposed_at, "
                + "outcome, approver_level, decided_by, decided_at, approved_amount, escalations, decision_currency, "
                + "proposer_level) values (?, ?, ?, ?, ?, 'test', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                p, id(caseName), type, new BigDecimal(amount), currency, by, at, outcome, approverLevel, decidedBy,
                decidedAt, approved == null ? null : new BigDecimal(approved), escalations,
                currency == null ? "EUR" : currency, proposerLevel);
        return p;
    }

    void grant(String caseName, UUID proposal, String type, String amount, String currency, String by, Instant at)
            throws SQLException {
        run("insert into compensation_grant (id, case_id, proposal_id, comp_type, amount, currency, voucher_code, "
                + "approved_by, granted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id(caseName + "/grant"), id(caseName), proposal, type, new BigDecimal(amount), currency,
                "DISCOUNT_PERCENT".equals(type) ? "R17-" + caseName : null, by, at);
    }

    void refusal(String caseName, String name, String agent, String language, Instant at, String... codes)
            throws SQLException {
        UUID r = id(caseName + "/refusal/" + name);
        run("insert into apology_refusal (id, case_id, agent_id, language, refused_at) values (?, ?, ?, ?, ?)",
                r, id(caseName), agent, language, at);
        for (String code : codes) {
            run("insert into apology_refusal_code (refusal_id, code) values (?, ?)", r, code);
        }
    }

    private void run(String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                Object value = values[i] instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : values[i];
                statement.setObject(i + 1, value);
            }
            statement.executeUpdate();
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
