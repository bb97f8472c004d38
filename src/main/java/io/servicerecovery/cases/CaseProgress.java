package io.servicerecovery.cases;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import io.servicerecovery.common.Actor;
import io.servicerecovery.timeline.Timeline;
import io.servicerecovery.timeline.TimelineKind;

/**
 * The state changes the process drives: which step a case is in, and how it closes.
 * Called from the process glue inside the engine's transaction.
 */
@ApplicationScoped
public class CaseProgress {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(CaseProgress.class);

    private final CaseRepository cases;
    private final Timeline timeline;
    private final Clock clock;
    private final Event<CaseMilestone> milestones;

    public CaseProgress(CaseRepository cases, Timeline timeline, Clock clock, Event<CaseMilestone> milestones) {
        this.cases = cases;
        this.timeline = timeline;
        this.clock = clock;
        this.milestones = milestones;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public RecoveryCase find(UUID caseId) {
        RecoveryCase c = cases.findById(caseId);
        if (c == null) {
            throw new IllegalStateException("Case " + caseId + " does not exist");
        }
        return c;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void enterStep(UUID caseId, CaseStatus status, CaseStep step) {
        RecoveryCase c = find(caseId);
        c.status = status;
        c.currentStep = step;
        c.updatedAt = clock.instant();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void accountabilityTaken(UUID caseId, String agent, String statement, String rootCause) {
        RecoveryCase c = find(caseId);
        c.accountableAgent = agent;
        c.rootCause = rootCause;
        c.accountabilityStatement = statement;
        c.updatedAt = clock.instant();
        timeline.record(caseId, TimelineKind.ACCOUNTABILITY_TAKEN, agent, "Took accountability: " + statement,
                Map.of("statement", statement, "rootCause", rootCause));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apologyGiven(UUID caseId, String agent, String message, String deliveredVia) {
        RecoveryCase c = find(caseId);
        c.apologyMessage = message;
        c.apologyVia = deliveredVia;
        c.updatedAt = clock.instant();
        c.apologizedAt = c.updatedAt;
        timeline.record(caseId, TimelineKind.APOLOGY_GIVEN, agent, "Apologized via " + deliveredVia,
                Map.of("message", message, "deliveredVia", deliveredVia));
    }

    /**
     * The compensation is booked; the case closes as soon as its follow-up email is sent too (they run side by
     * side), so until then it waits for the email alone. When the email went first, the case closes in the same
     * transaction and this step never shows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void compensationBooked(UUID caseId) {
        RecoveryCase c = find(caseId);
        if (!c.status.isClosed()) {
            c.currentStep = CaseStep.APOLOGY_EMAIL;
            c.updatedAt = clock.instant();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recovered(UUID caseId) {
        RecoveryCase c = find(caseId);
        c.status = CaseStatus.RECOVERED;
        c.currentStep = null;
        c.closedAt = clock.instant();
        c.updatedAt = c.closedAt;
        timeline.record(caseId, TimelineKind.RECOVERED, Actor.SYSTEM, "Case closed as recovered", Map.of());
        milestones.fire(new CaseMilestone(caseId, CaseMilestone.Kind.RECOVERED, c.severity));
        LOG.info("Case closed as recovered");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelled(UUID caseId, String by, String reason) {
        RecoveryCase c = find(caseId);
        c.status = CaseStatus.CANCELLED;
        c.currentStep = null;
        c.closedAt = clock.instant();
        c.updatedAt = c.closedAt;
        timeline.record(caseId, TimelineKind.CANCELLED, Actor.orSystem(by),
                "Cancelled: " + reason, Map.of("reason", reason == null ? "" : reason));
        milestones.fire(new CaseMilestone(caseId, CaseMilestone.Kind.CANCELLED, c.severity));
        LOG.infof("Case cancelled by %s", by);
    }
}
