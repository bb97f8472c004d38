package io.servicerecovery.reports;

import static io.servicerecovery.reports.CaseSelection.count;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Per customer language: apologies given on the selected cases, submitted apologies the checks refused
 * ({@code apology_refusal}, written by the apology step), and how often each code was a reason.
 */
@ApplicationScoped
class ApologyFindingsQuery {

    /** The language subtag of the customer's locale, as the checks take it ({@code sv-SE} -> sv). */
    private static final String LANGUAGE = "lower(case when position('-' in sel.customer_locale) > 0 "
            + "then substring(sel.customer_locale, 1, position('-' in sel.customer_locale) - 1) "
            + "else sel.customer_locale end)";

    private final EntityManager em;

    ApologyFindingsQuery(EntityManager em) {
        this.em = em;
    }

    List<RecoveryReport.ApologyFindings> of(CaseSelection selection) {
        Map<String, long[]> totals = new TreeMap<>();
        for (Object[] row : selection.rows(em, selection.with() + "select x.lang, count(*) from (select "
                + LANGUAGE + " lang from sel where sel.apologized_at is not null) x group by x.lang")) {
            totals.computeIfAbsent((String) row[0], l -> new long[2])[0] = count(row[1]);
        }
        for (Object[] row : selection.rows(em, selection.with() + "select r.language, count(*) from apology_refusal r "
                + "join sel on sel.id = r.case_id group by r.language")) {
            totals.computeIfAbsent((String) row[0], l -> new long[2])[1] = count(row[1]);
        }
        Map<String, List<RecoveryReport.CodeCount>> codes = new TreeMap<>();
        for (Object[] row : selection.rows(em, selection.with() + "select r.language, rc.code, count(*) "
                + "from apology_refusal r join sel on sel.id = r.case_id "
                + "join apology_refusal_code rc on rc.refusal_id = r.id "
                + "group by r.language, rc.code order by r.language, count(*) desc, rc.code")) {
            codes.computeIfAbsent((String) row[0], l -> new ArrayList<>())
                    .add(new RecoveryReport.CodeCount((String) row[1], count(row[2])));
        }
        return totals.entrySet().stream().map(e -> new RecoveryReport.ApologyFindings(e.getKey(), e.getValue()[0],
                e.getValue()[1], codes.getOrDefault(e.getKey(), List.of()))).toList();
    }
}
