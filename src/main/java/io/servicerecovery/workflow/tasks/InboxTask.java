package io.servicerecovery.workflow.tasks;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.servicerecovery.cases.Severity;
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

    public TaskSummary summary() {
        return new TaskSummary(taskId, step, caseId, customerName, severity, priority, dueAt, assignee, createdAt);
    }
}
