package io.servicerecovery.empowerment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A credit someone approved, counted against their rolling budget. */
@Entity
@Table(name = "budget_reservation")
public class BudgetReservation {

    @Id
    public UUID id;
    @Column(name = "agent_id")
    public String agentId;
    public String currency;
    public BigDecimal amount;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "proposal_id")
    public UUID proposalId;
    @Column(name = "reserved_at")
    public Instant reservedAt;
}
