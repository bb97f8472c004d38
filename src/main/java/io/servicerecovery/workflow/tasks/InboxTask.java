package io.servicerecovery.workflow.tasks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.servicerecovery.cases.RecoveryCase;
import io.servicerecovery.cases.Severity;
import io.servicerecovery.common.SearchText;
import io.servicerecovery.empowerment.Level;
import io.servicerecovery.workflow.RecoveryStep;

/** An open human task as the inbox lists it; kept by {@link TaskInboxListener} in the engine's transaction. */
@Entity
@Table(name = "task_inbox")
public class InboxTask {

    @Id
    @Column(name = "task_id")
    public String taskId;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "process_instance_id")
    public String processInstanceId;
    @Enumerated(EnumType.STRING)
    public RecoveryStep step;
    public String assignee;
    /** For an approval, the lowest level that may take it; null for the agents' steps. */
    @Enumerated(EnumType.STRING)
    @Column(name = "approver_level")
    public Level approverLevel;
    /** For an approval, the proposer, who never sees it. */
    @Column(name = "proposed_by")
    public String proposedBy;
    public int priority;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "customer_name")
    public String customerName;
    @Enumerated(EnumType.STRING)
    public Severity severity;
    /** The case's facts the inbox shows, copied when the row is written: the inbox reads no other table. */
    @Column(name = "external_ref")
    public String externalRef;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "failure_category")
    public String failureCategory;
    @Column(name = "order_amount")
    public BigDecimal orderAmount;
    @Column(name = "order_currency")
    public String orderCurrency;
    @Column(name = "repeat_failure")
    public boolean repeatFailure;
    /** Reference, customer id and name folded for the search box ({@link SearchText#key}). */
    @Column(name = "search_key")
    public String searchKey;

    /** Copies what the inbox shows of the case, and the search key made of it. */
    void describe(RecoveryCase c) {
        customerName = c.customerName;
        severity = c.severity;
        externalRef = c.externalRef;
        customerId = c.customerId;
        failureCategory = c.failureCategory;
        orderAmount = c.orderAmount;
        orderCurrency = c.orderCurrency;
        repeatFailure = c.repeatFailure;
        searchKey = searchKeyOf(externalRef, customerId, customerName);
    }

    static String searchKeyOf(String externalRef, String customerId, String customerName) {
        return SearchText.key(externalRef, customerId, customerName);
    }

    public TaskSummary summary() {
        return new TaskSummary(taskId, step, caseId, customerName, severity, priority, dueAt, assignee, createdAt);
    }

    public InboxLine line() {
        return new InboxLine(summary(), externalRef, customerId, failureCategory, orderAmount, orderCurrency,
                repeatFailure);
    }
}
