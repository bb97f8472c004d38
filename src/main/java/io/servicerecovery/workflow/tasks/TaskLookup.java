package io.servicerecovery.workflow.tasks;

import jakarta.enterprise.context.ApplicationScoped;

import io.servicerecovery.cases.CaseRepository;
import io.servicerecovery.cases.RecoveryCase;
import io.servicerecovery.common.DomainException;
import io.servicerecovery.security.CurrentUser;
import io.servicerecovery.workflow.RecoveryStep;

/**
 * Finds one open task as a caller may see it: theirs, or one they are a candidate for, never
 * the approval of their own proposal. Anything else is 404, so nobody learns that a task they
 * may not see exists.
 */
@ApplicationScoped
public class TaskLookup {

    private final InboxTaskRepository inbox;
    private final CaseRepository cases;
    private final TaskCandidates candidates;

    public TaskLookup(InboxTaskRepository inbox, CaseRepository cases, TaskCandidates candidates) {
        this.inbox = inbox;
        this.cases = cases;
        this.candidates = candidates;
    }

    /** A task the caller may see, with its case. */
    public OpenTask visible(String taskId, CurrentUser user) {
        InboxTask row = taskId == null ? null : inbox.findById(taskId);
        if (row == null || isOwnApproval(row, user)
                || !(user.id().equals(row.assignee) || candidates.of(user).covers(row))) {
            throw DomainException.notFound("Task " + taskId);
        }
        return OpenTask.of(row, caseOf(row));
    }

    /** The task as it is now (after a claim, say): the listener has kept its row in step. */
    public OpenTask reread(OpenTask task) {
        InboxTask row = inbox.findById(task.id());
        return row == null ? task : OpenTask.of(row, task.recoveryCase());
    }

    /** Separation of duties: the approval of your own proposal is not yours to see or take. */
    private static boolean isOwnApproval(InboxTask row, CurrentUser user) {
        return row.step == RecoveryStep.APPROVAL && user.id().equals(row.proposedBy);
    }

    private RecoveryCase caseOf(InboxTask row) {
        RecoveryCase c = cases.findById(row.caseId);
        if (c == null) {
            throw new IllegalStateException("No case " + row.caseId + " for task " + row.taskId);
        }
        return c;
    }
}
