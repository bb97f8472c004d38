package io.servicerecovery.workflow.tasks;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.jboss.logging.Logger;

import io.servicerecovery.cases.CaseRepository;
import io.servicerecovery.common.DomainException;
import io.servicerecovery.security.CurrentUser;
import io.servicerecovery.workflow.RecoveryStep;

/**
 * What {@link TaskCompletions} does around every step's own rule: it takes the task the caller
 * holds, locks the case, and after the rule moves the process on in the same transaction.
 */
@ApplicationScoped
public class StepCompletion {

    private static final Logger LOG = Logger.getLogger(StepCompletion.class);

    private final TaskLookup lookup;
    private final TaskService engineTasks;
    private final StaleInboxRows staleRows;
    private final CaseRepository cases;
    private final Event<StepCompleted> completed;

    public StepCompletion(TaskLookup lookup, TaskService engineTasks, CaseRepository cases,
            Event<StepCompleted> completed, StaleInboxRows staleRows) {
        this.staleRows = staleRows;
        this.lookup = lookup;
        this.engineTasks = engineTasks;
        this.cases = cases;
        this.completed = completed;
    }

    /**
     * The task, if the caller holds it and it is of this step: 404 when they may not see it,
     * 403 when they do not hold it (or an approval without the manager role), 409 when it is
     * another step's task.
     */
    public OpenTask held(String taskId, RecoveryStep step, CurrentUser user) {
        OpenTask task = held(taskId, user);
        if (task.step() != step) {
            throw DomainException.conflict("Task " + taskId + " is a " + task.step() + " task, not " + step + ".");
        }
        return task;
    }

    /** The task, if the caller holds it (and for an approval has the manager role), whatever its step. */
    public OpenTask held(String taskId, CurrentUser user) {
        OpenTask task = lookup.visible(taskId, user);
        if (!user.id().equals(task.assignee())) {
            throw DomainException.notAllowed(task.assignee() == null
                    ? "Claim this task before you complete it."
                    : "Only the agent who holds this task completes it.");
        }
        if (task.step() == RecoveryStep.APPROVAL && !user.isManager()) {
            throw DomainException.notAllowed("Approvals need the manager role.");
        }
        // Serializes the completion with a concurrent cancel of the same case.
        cases.lock(task.caseId());
        return task;
    }

    /** Completes the engine's task with what the step decided; the process moves on in this transaction. */
    public void finish(OpenTask task, CurrentUser user, VariableMap variables) {
        staleRows.onTask(task.id(), () -> engineTasks.complete(task.id(), variables));
        completed.fire(new StepCompleted(task.caseId(), task.step(), user.id(), task.created(), Instant.now()));
        LOG.infof("%s completed by %s", task.step(), user.id());
    }

    /** A human step was done: by whom, open from when to when. Observers count it once the change commits. */
    public record StepCompleted(java.util.UUID caseId, RecoveryStep step, String by, Instant opened, Instant done) {
    }
}
