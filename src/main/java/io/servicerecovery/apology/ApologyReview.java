package io.servicerecovery.apology;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.servicerecovery.cases.CaseRepository;
import io.servicerecovery.cases.RecoveryCase;
import io.servicerecovery.common.ProblemException;

/**
 * Checks what an agent writes to or about a customer against the case: the apology in
 * full, the accountability statement for blame. Blocking findings refuse the task's
 * completion; the dry run shows them before the agent submits.
 */
@ApplicationScoped
public class ApologyReview {

    private final ApologyChecks checks;
    private final CaseRepository cases;
    private final RecentApologies recentApologies;

    public ApologyReview(ApologyChecks checks, CaseRepository cases, RecentApologies recentApologies) {
        this.checks = checks;
        this.cases = cases;
        this.recentApologies = recentApologies;
    }

    @Transactional
    public List<Finding> reviewApology(UUID caseId, String message) {
        RecoveryCase c = cases.findByIdOptional(caseId).orElseThrow(() -> ProblemException.notFound("Case " + caseId));
        return checks.checkAgainst(new ApologyDraft(c.customerLocale, c.customerName, c.failureCategory,
                c.failureDescription, message), recentApologies.otherThan(caseId, c.customerLocale));
    }

    @Transactional
    public List<Finding> reviewStatement(UUID caseId, String statement) {
        RecoveryCase c = cases.findByIdOptional(caseId).orElseThrow(() -> ProblemException.notFound("Case " + caseId));
        return checks.checkStatement(c.customerLocale, statement);
    }

    public void requirePassingApology(UUID caseId, String message) {
        refuseBlocking("apology", reviewApology(caseId, message));
    }

    public void requirePassingStatement(UUID caseId, String statement) {
        refuseBlocking("accountability statement", reviewStatement(caseId, statement));
    }

    private static void refuseBlocking(String what, List<Finding> findings) {
        List<Finding> blocking = findings.stream().filter(Finding::blocking).toList();
        if (!blocking.isEmpty()) {
            throw new FindingsProblem(what, blocking);
        }
    }
}
