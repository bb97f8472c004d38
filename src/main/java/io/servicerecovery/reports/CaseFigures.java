package io.servicerecovery.reports;

import static io.servicerecovery.reports.CaseSelection.count;
import static io.servicerecovery.reports.CaseSelection.share;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Cases opened, recovered, cancelled, open; and the repeat failures among them. One pass over the cases. */
@ApplicationScoped
class CaseFigures {

    record Result(RecoveryReport.Cases cases, RecoveryReport.RepeatFailures repeatFailures) {
    }

    private final EntityManager em;

    CaseFigures(EntityManager em) {
        this.em = em;
    }

    Result of(CaseSelection selection) {
        String recovered = "sel.status = 'RECOVERED'";
        String cancelled = "sel.status = 'CANCELLED'";
        String open = "sel.status not in ('RECOVERED', 'CANCELLED')";
        String repeat = "sel.repeat_failure = true";
        Object[] row = selection.rows(em, selection.with() + "select count(*), "
                + sum(recovered) + ", " + sum(cancelled) + ", " + sum(open) + ", "
                + sum(repeat) + ", "
                + "count(distinct case when " + repeat + " then sel.client_id || '/' || sel.customer_id end), "
                + sum(repeat + " and " + recovered) + ", " + sum(repeat + " and " + cancelled) + ", "
                + sum(repeat + " and " + open) + ", "
                // Only repeat failures are looked up in the ledger (CASE evaluates the EXISTS lazily): a join of
                // every case with the grants cost more than all the other counts together.
                + sum(repeat + " and exists (select 1 from compensation_grant g where g.case_id = sel.id)")
                + " from sel").get(0);
        long opened = count(row[0]);
        RecoveryReport.Cases cases = new RecoveryReport.Cases(opened, count(row[1]), count(row[2]), count(row[3]),
                share(count(row[1]), opened));
        long repeats = count(row[4]);
        RecoveryReport.RepeatFailures repeatFailures = new RecoveryReport.RepeatFailures(repeats, count(row[5]),
                count(row[6]), count(row[7]), count(row[8]), count(row[9]), share(count(row[6]), repeats));
        return new Result(cases, repeatFailures);
    }

    private static String sum(String condition) {
        return "sum(case when " + condition + " then 1 else 0 end)";
    }
}
