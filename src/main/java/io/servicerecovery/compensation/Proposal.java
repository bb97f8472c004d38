package io.servicerecovery.compensation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.servicerecovery.empowerment.Level;

/**
 * A compensation an agent proposed, and what became of it. For a discount the amount is
 * the percent and there is no currency.
 */
@Entity
@Table(name = "compensation_proposal")
public class Proposal {

    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    @Enumerated(EnumType.STRING)
    @Column(name = "comp_type")
    public CompensationType type;
    public BigDecimal amount;
    public String currency;
    public String reason;
    @Column(name = "proposed_by")
    public String proposedBy;
    @Column(name = "proposed_at")
    public Instant proposedAt;
    @Enumerated(EnumType.STRING)
    public ProposalOutcome outcome;
    @Enumerated(EnumType.STRING)
    @Column(name = "approver_level")
    public Level approverLevel;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "approved_amount")
    public BigDecimal approvedAmount;
    @Column(name = "decision_note")
    public String decisionNote;
    /** How often the approval moved up a level because nobody decided in time. */
    public int escalations;
    /** The currency whose limits decide: the credit's, or for a discount the case's. */
    @Column(name = "decision_currency")
    public String decisionCurrency;
    /** The proposer's level when they proposed, for the report (their level may change later). */
    @Enumerated(EnumType.STRING)
    @Column(name = "proposer_level")
    public Level proposerLevel;
}
