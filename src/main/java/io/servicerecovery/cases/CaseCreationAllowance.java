package io.servicerecovery.cases;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A CRM client's token bucket for opening cases, in the database so that every replica takes from it. */
@Entity
@Table(name = "case_creation_allowance")
public class CaseCreationAllowance {

    @Id
    @Column(name = "client_id")
    public String clientId;
    /** Tokens left as of {@link #updatedAt}; fractions count, a whole one opens a case. */
    public double tokens;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
