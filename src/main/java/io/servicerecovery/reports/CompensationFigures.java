package io.servicerecovery.reports;

import static io.servicerecovery.reports.CaseSelection.count;
import static io.servicerecovery.reports.CaseSelection.durations;
import static io.servicerecovery.reports.CaseSelection.percentiles;
import static io.servicerecovery.reports.CaseSelection.seconds;
import static io.servicerecovery.reports.CaseSelection.share;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.servicerecovery.empowerment.Level;

/**
 * The proposals of the selected cases: approved within the proposer's empowerment or escalated, by the
 * proposer's level; the approvals per level that decided them and their time to decision; and how often the
 * escalation timer moved an approval up.
 */
@ApplicationScoped
class CompensationFigures {

    private final EntityManager em;

    CompensationFigures(EntityManager em) {
        this.em = em;
    }

    RecoveryReport.Compensations of(CaseSelection selection) {
        // Proposals from before the proposer's level was stored take the proposer's level today. The timer's
        // escalations are summed in the same pass (per level here, in total below).
        List<Object[]> levels = selection.rows(em, selection.with()
                + "select x.lvl, count(*), sum(x.at_once), sum(x.escalated), sum(x.escalations), "
                + "sum(case when x.escalations > 0 then 1 else 0 end) from (select "
                + "coalesce(p.proposer_level, ae.level, :defaultLevel) lvl, p.escalations, "
                + "case when p.outcome = 'APPROVED_WITHIN_EMPOWERMENT' then 1 else 0 end at_once, "
                + "case when p.approver_level is not null then 1 else 0 end escalated "
                + "from compensation_proposal p join sel on sel.id = p.case_id "
                + "left join agent_empowerment ae on ae.agent_id = p.proposed_by) x group by x.lvl");
        List<RecoveryReport.ProposalsByLevel> byLevel = levels.stream().map(row -> {
            long proposals = count(row[1]);
            long within = count(row[2]);
            long escalated = count(row[3]);
            return new RecoveryReport.ProposalsByLevel(Level.valueOf((String) row[0]), proposals, within,
                    escalated, share(within, proposals), share(escalated, proposals));
        }).sorted((a, b) -> a.level().compareTo(b.level())).toList();
        RecoveryReport.Escalations escalations = new RecoveryReport.Escalations(
                levels.stream().mapToLong(row -> count(row[4])).sum(), levels.stream().mapToLong(row -> count(row[5])).sum());

        String decided = "case when p.outcome in ('APPROVED', 'REJECTED') then "
                + seconds("p.proposed_at", "p.decided_at") + " end";
        List<RecoveryReport.ApprovalsByLevel> approvals = selection.rows(em, selection.with()
                + "select p.approver_level, sum(case when p.outcome = 'APPROVED' then 1 else 0 end), "
                + "sum(case when p.outcome = 'REJECTED' then 1 else 0 end), "
                + "sum(case when p.outcome = 'PENDING_APPROVAL' then 1 else 0 end), "
                + "count(" + decided + "), " + percentiles(decided) + " "
                + "from compensation_proposal p join sel on sel.id = p.case_id "
                + "where p.approver_level is not null group by p.approver_level")
                .stream().map(row -> new RecoveryReport.ApprovalsByLevel(Level.valueOf((String) row[0]),
                        count(row[1]), count(row[2]), count(row[3]), durations(row[4], row[5], row[6])))
                .sorted((a, b) -> a.level().compareTo(b.level())).toList();
        return new RecoveryReport.Compensations(byLevel, approvals, escalations);
    }
}
