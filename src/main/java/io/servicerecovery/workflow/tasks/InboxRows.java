package io.servicerecovery.workflow.tasks;

import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import io.servicerecovery.cases.RecoveryCase;
import io.servicerecovery.compensation.CompensationQueries;
import io.servicerecovery.compensation.Proposal;
import io.servicerecovery.workflow.RecoveryStep;

/** Writes the inbox rows: a task opened, changed hands or priority, or closed. */
@ApplicationScoped
public class InboxRows {

    private final InboxTaskRepository inbox;
    private final CompensationQueries compensation;
    private final Event<TaskOpened> openings;

    public InboxRows(InboxTaskRepository inbox, CompensationQueries compensation, Event<TaskOpened> openings) {
        this.inbox = inbox;
        this.compensation = compensation;
        this.openings = openings;
    }

    /** A task as the engine has it when it opens (or when an open task is found without its row). */
    public record EngineTask(String id, String definitionKey, String processInstanceId, String assignee, int priority,
            Date due, Date created) {
    }

    public void opened(EngineTask task, RecoveryCase c) {
        RecoveryStep step = RecoveryStep.ofActivity(task.definitionKey())
                .orElseThrow(() -> new IllegalStateException("Unknown task " + task.definitionKey()));
        InboxTask row = new InboxTask();
        row.taskId = task.id();
        row.caseId = c.id;
        row.processInstanceId = task.processInstanceId();
        row.step = step;
        row.assignee = task.assignee();
        if (step == RecoveryStep.APPROVAL) {
            // The pending proposal says which level it waits for and who may not see it.
            Proposal pending = compensation.latestProposal(c.id)
                    .orElseThrow(() -> new IllegalStateException("An approval without a proposal on case " + c.id));
            row.approverLevel = pending.approverLevel;
            row.proposedBy = pending.proposedBy;
        }
        row.priority = task.priority();
        row.dueAt = (task.due() == null ? task.created() : task.due()).toInstant();
        row.createdAt = task.created().toInstant();
        row.describe(c);
        inbox.persist(row);
        openings.fire(new TaskOpened(c.id));
    }

    public void changed(String taskId, String assignee, int priority, Date due) {
        InboxTask row = inbox.findById(taskId);
        if (row != null) {
            row.assignee = assignee;
            row.priority = priority;
            if (due != null) {
                row.dueAt = due.toInstant();
            }
            if (assignee == null) {
                // Released: free again for the queue's waits.
                openings.fire(new TaskOpened(row.caseId));
            }
        }
    }

    public void closed(String taskId) {
        InboxTask row = inbox.findById(taskId);
        if (row != null) {
            inbox.delete(row);
        }
    }

    public boolean has(String taskId) {
        return inbox.count("taskId", taskId) > 0;
    }
}
