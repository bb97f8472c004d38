package io.servicerecovery.workflow.tasks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

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

    /** How the engine says it: "Cannot find task with id X: task is null" (claim, setAssignee, complete). */
    private static final Pattern MISSING_TASK = Pattern.compile("^Cannot find task with id (\\S+?):? ");

    private final InboxTaskRepository inbox;

    public StaleInboxRows(InboxTaskRepository inbox) {
        this.inbox = inbox;
    }

    /** Runs an engine call on a task that the inbox listed; a task the engine no longer has is a 404. */
    public void onTask(String taskId, Runnable engineCall) {
        try {
            engineCall.run();
        } catch (NullValueException e) {
            if (!taskId.equals(missingTask(e))) {
                throw e;
            }
            QuarkusTransaction.requiringNew().run(() -> inbox.deleteById(taskId));
            throw new DomainException.NotFound(
                    "Task " + taskId + " no longer exists: it was completed or cancelled meanwhile.");
        }
    }

    static String missingTask(NullValueException e) {
        Matcher m = MISSING_TASK.matcher(String.valueOf(e.getMessage()));
        return m.find() ? m.group(1) : null;
    }
}
