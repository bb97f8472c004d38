package io.servicerecovery.workflow.tasks;

import jakarta.enterprise.context.ApplicationScoped;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.servicerecovery.common.DomainException;

/**
 * An inbox row whose engine task is gone. The start-up backfill can leave one behind when
 * another replica completes the task while the backfill runs (docs/reliability.md). A claim or
 * completion of such a task finds no engine task: the row is removed, in a transaction of its
 * own (the request's is rolled back), and the caller gets a 404 instead of a 500.
 */
@ApplicationScoped
public class StaleInboxRows {

    private final InboxTaskRepository inbox;
    private final TaskService engineTasks;

    public StaleInboxRows(InboxTaskRepository inbox, TaskService engineTasks) {
        this.inbox = inbox;
        this.engineTasks = engineTasks;
    }

    /** Runs an engine call on a task that the inbox listed; a task the engine no longer has is a 404. */
    public void onTask(String taskId, Runnable engineCall) {
        try {
            engineCall.run();
        } catch (NullValueException e) {
            // The engine's "not found" is a NullValueException, as is any other null it meets: whether the task
            // is gone is asked of the engine itself, in a transaction of its own (the request's is rolled back).
            if (QuarkusTransaction.requiringNew().call(() -> engineHas(taskId))) {
                throw e;
            }
            QuarkusTransaction.requiringNew().run(() -> inbox.deleteById(taskId));
            throw new DomainException.NotFound(
                    "Task " + taskId + " no longer exists: it was completed or cancelled meanwhile.");
        }
    }

    private boolean engineHas(String taskId) {
        return engineTasks.createTaskQuery().taskId(taskId).count() > 0;
    }
}
