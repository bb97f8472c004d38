package io.servicerecovery.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A failed customer experience and everything done to recover it. */
@Entity
@Table(name = "recovery_case")
public class RecoveryCase {

    @Id
    public UUID id;
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "external_ref")
    public String externalRef;

    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "customer_name")
    public String customerName;
    @Column(name = "customer_email")
    public String customerEmail;
    @Column(name = "customer_locale")
    public String customerLocale;
    @Enumerated(EnumType.STRING)
    @Column(name = "customer_tier")
    public Tier customerTier;

    @Enumerated(EnumType.STRING)
    @Column(name = "failure_stage")
    public FailureStage failureStage;
    @Enumerated(EnumType.STRING)
    @Column(name = "failure_channel")
    public Channel failureChannel;
    @Column(name = "failure_category")
    public String failureCategory;
    @Column(name = "failure_description")
    public String failureDescription;
    @Enumerated(EnumType.STRING)
    public Severity severity;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "order_amount")
    public BigDecimal orderAmount;
    @Column(name = "order_currency")
    public String orderCurrency;

    @Column(name = "owner_agent")
    public String ownerAgent;
    @Column(name = "accountable_agent")
    public String accountableAgent;
    @Column(name = "root_cause")
    public String rootCause;
    @Column(name = "accountability_statement")
    public String accountabilityStatement;
    @Column(name = "apology_message")
    public String apologyMessage;
    @Column(name = "apology_via")
    public String apologyVia;
    /** When the apology was given: the canned check compares with apologies of the last 30 days by this. */
    @Column(name = "apologized_at")
    public Instant apologizedAt;

    @Enumerated(EnumType.STRING)
    public CaseStatus status;
    @Column(name = "current_step")
    @Enumerated(EnumType.STRING)
    public CaseStep currentStep;
    public int priority;
    @Column(name = "repeat_failure")
    public boolean repeatFailure;
    @Column(name = "process_instance_id")
    public String processInstanceId;

    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public long version;
}
