package io.servicerecovery.apology;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.servicerecovery.cases.CaseRepository;
import io.servicerecovery.cases.RecoveryCase;
import io.servicerecovery.common.DomainException;

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
    private final ApologyRefusals refusals;

    public ApologyReview(ApologyChecks checks, CaseRepository cases, RecentApologies recentApologies,
            ApologyRefusals refusals) {
        this.checks = checks;
        this.cases = cases;
        this.recentApologies = recentApologies;
        this.refusals = refusals;
    }

    /** The findings of a draft; nothing is recorded (the dry run and the console's live checks use this). */
    @Transactional
    public List<Finding> reviewApology(UUID caseId, String message) {
        return review(caseOf(caseId), message);
    }

    @Transactional
    public List<Finding> reviewStatement(UUID caseId, String statement) {
        RecoveryCase c = cases.findByIdOptional(caseId).orElseThrow(() -> DomainException.notFound("Case " + caseId));
        return checks.checkStatement(c.customerLocale, statement);
    }

    /**
     * Refuses an apology that an agent submits to complete the APOLOGY step, and records the refusal (codes
     * and language, never the text) for the report. Only a submitted apology counts: a draft checked while
     * the agent types (the dry run, the console's live checks) is checked again and again as it grows, and
     * counting those would measure typing, not how often the checks stop an apology.
     */
    @Transactional
    public void requirePassingApology(UUID caseId, String message, String agentId) {
        RecoveryCase c = caseOf(caseId);
        List<Finding> blocking = review(c, message).stream().filter(Finding::blocking).toList();
        if (!blocking.isEmpty()) {
            refusals.record(caseId, agentId, PhraseBook.language(c.customerLocale),
                    blocking.stream().map(Finding::code).toList());
            throw new FindingsProblem("apology", blocking);
        }
    }

    private RecoveryCase caseOf(UUID caseId) {
        return cases.findByIdOptional(caseId).orElseThrow(() -> DomainException.notFound("Case " + caseId));
    }

    private List<Finding> review(RecoveryCase c, String message) {
        return checks.checkAgainst(new ApologyDraft(c.customerLocale, c.customerName, c.failureCategory,
                c.failureDescription, message), recentApologies.otherThan(c.id, c.customerLocale));
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
