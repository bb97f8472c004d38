package io.servicerecovery.reports;

import java.time.Instant;

import io.servicerecovery.empowerment.Level;

/**
 * Which cases a recovery report is about: those opened in {@code [from, to)}, optionally only one CRM
 * client's, only those of one agent or of the agents of one level. {@code currency} narrows the money
 * figures (spend, budgets) to one currency; the counts are not about money and stay whole.
 *
 * @param from     first instant of the period (inclusive)
 * @param to       end of the period (exclusive)
 * @param currency ISO 4217 code, or null for every currency
 * @param level    only cases whose agent is at this level today, or null
 * @param agent    only cases whose agent (who took accountability, else the owner the CRM named) is this one, or null
 * @param clientId only this CRM client's cases (a CRM reading its own report), or null for all (managers)
 */
public record ReportQuery(Instant from, Instant to, String currency, Level level, String agent, String clientId) {

    public ReportQuery {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("a report needs a period with from before to");
        }
    }
}
