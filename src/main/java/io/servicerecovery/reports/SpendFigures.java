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

    private final EntityManager em;

    SpendFigures(EntityManager em) {
        this.em = em;
    }

    RecoveryReport.Spend of(CaseSelection selection) {
        String currency = selection.query().currency() == null ? "" : " where g.currency = :currency";
        List<RecoveryReport.SpendByType> byType = selection.rows(em, selection.with(GRANTS)
                + "select g.comp_type, g.currency, count(*), sum(g.amount) from g" + currency
                + " group by g.comp_type, g.currency order by g.comp_type, g.currency")
                .stream().map(row -> new RecoveryReport.SpendByType(CompensationType.valueOf((String) row[0]),
                        (String) row[1], count(row[2]), money(row[3]))).toList();

        // The budget that applies: the person's override in that currency, else their level's.
        long days = Math.max(1, (Duration.between(selection.query().from(), selection.query().to()).toSeconds()
                + 86_399) / 86_400);
        List<RecoveryReport.SpendByAgent> byAgent = selection.rows(em, selection.with(GRANTS)
                + "select x.agent, coalesce(ae.level, :defaultLevel), x.currency, x.credits, x.credit, "
                + "x.discounts, x.discount_value, coalesce(o.daily_budget, ll.daily_budget) from ("
                + "select g.agent, g.currency, sum(case when g.comp_type = 'CREDIT' then 1 else 0 end) credits, "
                + "coalesce(sum(case when g.comp_type = 'CREDIT' then g.amount end), 0) credit, "
                + "sum(case when g.comp_type = 'DISCOUNT_PERCENT' then 1 else 0 end) discounts, "
                + "coalesce(sum(case when g.comp_type = 'DISCOUNT_PERCENT' then g.amount end), 0) discount_value "
                + "from g where g.currency is not null" + currency.replace(" where", " and")
                + " group by g.agent, g.currency) x "
                + "left join agent_empowerment ae on ae.agent_id = x.agent "
                + "left join agent_limit_override o on o.agent_id = x.agent and o.currency = x.currency "
                + "left join empowerment_level_limit ll on ll.level = coalesce(ae.level, :defaultLevel) "
                + "and ll.currency = x.currency order by x.agent, x.currency")
                .stream().map(row -> {
                    BigDecimal credit = money(row[4]);
                    BigDecimal daily = money(row[7]);
                    BigDecimal inPeriod = daily == null ? null : daily.multiply(BigDecimal.valueOf(days));
                    return new RecoveryReport.SpendByAgent((String) row[0], Level.valueOf((String) row[1]),
                            (String) row[2], count(row[3]), credit, count(row[5]), money(row[6]), daily, inPeriod,
                            used(credit, inPeriod));
                }).toList();
        return new RecoveryReport.Spend(byType, byAgent, byLevel(byAgent));
    }

    /** The sums of the people's rows per level and currency (a few rows, already aggregated by the database). */
    private static List<RecoveryReport.SpendByLevel> byLevel(List<RecoveryReport.SpendByAgent> people) {
        Map<String, RecoveryReport.SpendByLevel> sums = new TreeMap<>();
        for (RecoveryReport.SpendByAgent p : people) {
            String key = p.level().ordinal() + "/" + p.currency();
            RecoveryReport.SpendByLevel sum = sums.getOrDefault(key, new RecoveryReport.SpendByLevel(p.level(),
                    p.currency(), 0, BigDecimal.ZERO.setScale(2), 0, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO, null));
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
