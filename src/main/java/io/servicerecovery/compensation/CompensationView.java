package io.servicerecovery.compensation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;


import io.servicerecovery.empowerment.Level;

/** The latest proposal on a case and, once booked, its grant. */
public record CompensationView(
        UUID proposalId,
        CompensationType type,
        BigDecimal amount,
        String currency,
        String reason,
        String proposedBy,
        Instant proposedAt,
        ProposalOutcome outcome,
        Level approverLevel,
        String decidedBy,
        BigDecimal approvedAmount,
        String decisionNote,
        GrantView grant) {
}
