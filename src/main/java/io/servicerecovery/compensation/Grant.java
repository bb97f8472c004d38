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

/** The ledger entry of what a customer was given. One per case, enforced by the database. */
@Entity
@Table(name = "compensation_grant")
public class Grant {

    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "proposal_id")
    public UUID proposalId;
    @Enumerated(EnumType.STRING)
    @Column(name = "comp_type")
    public CompensationType type;
    public BigDecimal amount;
    public String currency;
    @Column(name = "voucher_code")
    public String voucherCode;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "granted_at")
    public Instant grantedAt;
}
