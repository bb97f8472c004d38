package io.servicerecovery.apology;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

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
    private final Clock clock;
    private final Duration cannedWindow;
    private final int cannedSample;

    public ApologyReview(ApologyChecks checks, CaseRepository cases, Clock clock,
            @ConfigProperty(name = "recovery.apology.canned-window", defaultValue = "P30D") Duration cannedWindow,
            @ConfigProperty(name = "recovery.apology.canned-sample", defaultValue = "500") int cannedSample) {
        this.checks = checks;
        this.cases = cases;
        this.clock = clock;
        this.cannedWindow = cannedWindow;
        this.cannedSample = cannedSample;
    }

    @Transactional
    public List<Finding> reviewApology(UUID caseId, String message) {
        RecoveryCase c = cases.findByIdOptional(caseId).orElseThrow(() -> ProblemException.notFound("Case " + caseId));
        return checks.check(new ApologyDraft(c.customerLocale, c.customerName, c.failureCategory, c.failureDescription,
                message), cases.recentApologies(caseId, clock.instant().minus(cannedWindow), cannedSample));
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
