package io.servicerecovery.compensation;

import java.time.Duration;
import java.util.UUID;

import io.servicerecovery.empowerment.Level;

/** What happened to a compensation, fired in the deciding transaction; observers (metrics) act once it commits. */
public final class CompensationEvents {

    private CompensationEvents() {
    }

    /** A proposal was made: approved at once within the proposer's empowerment, or escalated. */
    public record Proposed(UUID caseId, CompensationType type, Level proposerLevel, boolean withinEmpowerment) {
    }

    /** A proposal was decided (at once within empowerment, or by an approver), this long after it was made. */
    public record Decided(UUID caseId, ProposalOutcome outcome, Duration decisionTime) {
    }
}
