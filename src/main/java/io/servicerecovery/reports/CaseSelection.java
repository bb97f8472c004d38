package io.servicerecovery.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.servicerecovery.empowerment.Level;

/**
 * The cases a report is about, as a SQL common table expression {@code sel} that every figure's query
 * starts with, and the parameters it binds. The filters are WHERE clauses, so the database reads only
 * the period's cases (index on {@code created_at}, or {@code (client_id, created_at)} for a CRM).
 */
final class CaseSelection {

    /** Who a case's agent is: the one who took accountability, else the owner the CRM named. */
    static final String CASE_AGENT = "coalesce(c.accountable_agent, c.owner_agent)";

    private final ReportQuery query;
    private final Level defaultLevel;

    CaseSelection(ReportQuery query, Level defaultLevel) {
        this.query = query;
        this.defaultLevel = defaultLevel;
    }

    ReportQuery query() {
        return query;
    }

    /** {@code with sel as (...)}: the selected cases with the columns the figures read. */
    String with() {
        StringBuilder sql = new StringBuilder("with sel as (select c.id, c.client_id, c.customer_id, "
                + "c.customer_locale, c.severity, c.status, c.repeat_failure, c.order_amount, c.order_currency, "
                + "c.created_at, c.apologized_at, c.closed_at from recovery_case c");
        if (query.level() != null) {
            sql.append(" left join agent_empowerment sel_ae on sel_ae.agent_id = ").append(CASE_AGENT);
        }
        sql.append(" where c.created_at >= :from and c.created_at < :to");
        if (query.clientId() != null) {
            sql.append(" and c.client_id = :client");
        }
        if (query.agent() != null) {
            sql.append(" and ").append(CASE_AGENT).append(" = :agent");
        }
        if (query.level() != null) {
            // Someone without an empowerment record is at the default level.
            sql.append(" and ").append(CASE_AGENT).append(" is not null and coalesce(sel_ae.level, :defaultLevel) = :level");
        }
        return sql.append(") ").toString();
    }

    /** {@link #with()} followed by another common table expression ({@code "name as (...) "}). */
    String with(String another) {
        return with() + ", " + another;
    }

    /** The parameters of {@link #with()} and the query's own, bound by name where the SQL uses them. */
    @SuppressWarnings("unchecked")
    List<Object[]> rows(EntityManager em, String sql, Map<String, Object> own) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("from", query.from());
        parameters.put("to", query.to());
        parameters.put("client", query.clientId());
        parameters.put("agent", query.agent());
        parameters.put("level", query.level() == null ? null : query.level().name());
        parameters.put("currency", query.currency());
        parameters.put("defaultLevel", defaultLevel.name());
        parameters.putAll(own);
        Query q = em.createNativeQuery(sql);
        parameters.forEach((name, value) -> {
            if (java.util.regex.Pattern.compile(":" + name + "\\b").matcher(sql).find()) {
                q.setParameter(name, value);
            }
        });
        List<?> result = q.getResultList();
        return result.stream().map(row -> row instanceof Object[] array ? array : new Object[] { row }).toList();
    }

    List<Object[]> rows(EntityManager em, String sql) {
        return rows(em, sql, Map.of());
    }

    /** {@code percentile_cont} over seconds: one SQL for H2 and PostgreSQL, which both have it. */
    static String percentiles(String seconds) {
        return "percentile_cont(0.5) within group (order by " + seconds + "), "
                + "percentile_cont(0.9) within group (order by " + seconds + ")";
    }

    /** Seconds from one timestamp to another (null when either is null). */
    static String seconds(String fromColumn, String toColumn) {
        return "(extract(epoch from " + toColumn + ") - extract(epoch from " + fromColumn + "))";
    }

    static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    static Double share(long part, long whole) {
        return whole == 0 ? null : Math.round(10_000.0 * part / whole) / 10_000.0;
    }

    static RecoveryReport.Durations durations(Object count, Object median, Object p90) {
        return new RecoveryReport.Durations(count(count), number(median), number(p90));
    }
}
