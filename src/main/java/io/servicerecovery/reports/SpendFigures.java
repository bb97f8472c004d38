package io.servicerecovery.reports;

import static io.servicerecovery.reports.CaseSelection.count;
import static io.servicerecovery.reports.CaseSelection.share;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.servicerecovery.compensation.CompensationType;
import io.servicerecovery.empowerment.Level;

/**
 * What the selected cases' grants cost, by type and currency, and per person who approved them (and their
 * level) against their daily budgets. A discount is a percent of the order: its value is that percent of the
 * case's order value, in the order's currency.
 */
@ApplicationScoped
class SpendFigures {

    /** One grant: its type, its currency, its amount in money (null for a discount without an order value). */
    private static final String GRANTS = "g as (select gr.approved_by agent, gr.comp_type, "
            + "case when gr.comp_type = 'CREDIT' then gr.currency else sel.order_currency end currency, "
            + "case when gr.comp_type = 'CREDIT' then gr.amount "
            + "else round(gr.amount * sel.order_amount / 100, 2) end amount "
            + "from compensation_grant gr join sel on sel.id = gr.case_id where gr.comp_type <> 'NONE') ";

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final EntityManager em;

    SpendFigures(EntityManager em) {
        this.em = em;
    }

    RecoveryReport.Spend of(CaseSelection selection) {
        // One pass: grants per person, currency and type, with the daily budget that applies to the person
        // (their override in that currency, else their level's). The rows are few (people x currencies x 2);
        // the per-type and per-level figures are their sums.
        String currency = selection.query().currency() == null ? "" : " where g.currency = :currency";
        List<Object[]> rows = selection.rows(em, selection.with(GRANTS)
                + "select x.agent, coalesce(ae.level, :defaultLevel), x.currency, x.comp_type, x.grants, x.amount, "
                + "coalesce(o.daily_budget, ll.daily_budget) from (select g.agent, g.currency, g.comp_type, "
                + "count(*) grants, sum(g.amount) amount from g" + currency + " group by g.agent, g.currency, g.comp_type) x "
                + "left join agent_empowerment ae on ae.agent_id = x.agent "
                + "left join agent_limit_override o on o.agent_id = x.agent and o.currency = x.currency "
                + "left join empowerment_level_limit ll on ll.level = coalesce(ae.level, :defaultLevel) "
                + "and ll.currency = x.currency");
        long days = Math.max(1, (Duration.between(selection.query().from(), selection.query().to()).toSeconds()
                + 86_399) / 86_400);
        List<RecoveryReport.SpendByAgent> byAgent = byAgent(rows, days);
        return new RecoveryReport.Spend(byType(rows), byAgent, byLevel(byAgent));
    }

    private static List<RecoveryReport.SpendByType> byType(List<Object[]> rows) {
        Map<String, RecoveryReport.SpendByType> sums = new TreeMap<>();
        for (Object[] row : rows) {
            CompensationType type = CompensationType.valueOf((String) row[3]);
            String currency = (String) row[2];
            // Sorted by type, then currency; a discount on cases without an order value (no currency) last.
            String key = type.ordinal() + "/" + (currency == null ? "~" : currency);
            RecoveryReport.SpendByType sum = sums.get(key);
            sums.put(key, new RecoveryReport.SpendByType(type, currency, count(row[4]) + (sum == null ? 0 : sum.grants()),
                    add(sum == null ? null : sum.amount(), money(row[5]))));
        }
        return new ArrayList<>(sums.values());
    }

    private static List<RecoveryReport.SpendByAgent> byAgent(List<Object[]> rows, long days) {
        Map<String, RecoveryReport.SpendByAgent> people = new TreeMap<>();
        for (Object[] row : rows) {
            if (row[2] == null) {
                continue; // a discount without an order value has no money value to hold against a budget
            }
            String agent = (String) row[0];
            String currency = (String) row[2];
            boolean credit = CompensationType.CREDIT.name().equals(row[3]);
            BigDecimal daily = money(row[6]);
            BigDecimal inPeriod = daily == null ? null : daily.multiply(BigDecimal.valueOf(days));
            RecoveryReport.SpendByAgent p = people.getOrDefault(agent + "\u0000" + currency,
                    new RecoveryReport.SpendByAgent(agent, Level.valueOf((String) row[1]), currency, 0, ZERO, 0, ZERO,
                            daily, inPeriod, null));
            long credits = p.credits() + (credit ? count(row[4]) : 0);
            BigDecimal creditAmount = credit ? p.credit().add(money(row[5])) : p.credit();
            people.put(agent + "\u0000" + currency, new RecoveryReport.SpendByAgent(agent, p.level(), currency, credits,
                    creditAmount, p.discounts() + (credit ? 0 : count(row[4])),
                    credit ? p.discountValue() : p.discountValue().add(money(row[5])), daily, inPeriod,
                    used(creditAmount, inPeriod)));
        }
        return new ArrayList<>(people.values());
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }

    /** The sums of the people's rows per level and currency (a few rows, already aggregated by the database). */
    private static List<RecoveryReport.SpendByLevel> byLevel(List<RecoveryReport.SpendByAgent> people) {
        Map<String, RecoveryReport.SpendByLevel> sums = new TreeMap<>();
        for (RecoveryReport.SpendByAgent p : people) {
            String key = p.level().ordinal() + "/" + p.currency();
            RecoveryReport.SpendByLevel sum = sums.getOrDefault(key, new RecoveryReport.SpendByLevel(p.level(),
                    p.currency(), 0, ZERO, 0, ZERO, BigDecimal.ZERO, null));
            BigDecimal budget = sum.budgetInPeriod() == null || p.budgetInPeriod() == null ? null
                    : sum.budgetInPeriod().add(p.budgetInPeriod());
            BigDecimal credit = sum.credit().add(p.credit());
            sums.put(key, new RecoveryReport.SpendByLevel(p.level(), p.currency(), sum.credits() + p.credits(),
                    credit, sum.discounts() + p.discounts(), sum.discountValue().add(p.discountValue()), budget,
                    used(credit, budget)));
        }
        return new ArrayList<>(sums.values());
    }

    private static Double used(BigDecimal credit, BigDecimal budget) {
        if (budget == null || budget.signum() == 0) {
            return null;
        }
        return share(credit.movePointRight(2).longValue(), budget.movePointRight(2).longValue());
    }

    private static BigDecimal money(Object value) {
        if (value == null) {
            return null;
        }
        BigDecimal amount = value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
        return amount.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
