package io.servicerecovery.workflow.tasks;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import io.servicerecovery.cases.CaseProgress;
import io.servicerecovery.workflow.ProcessVariables;

/**
 * Keeps the task inbox in step with the engine, in the engine's transaction: a row when a
 * human task opens, its assignee and priority when they change, no row once it is completed
 * or deleted (a cancellation, an escalation).
 */
@Dependent
@Named("taskInboxListener")
public class TaskInboxListener implements TaskListener {

    private final InboxRows rows;
    private final CaseProgress cases;

    public TaskInboxListener(InboxRows rows, CaseProgress cases) {
        this.rows = rows;
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> rows.opened(new InboxRows.EngineTask(task.getId(), task.getTaskDefinitionKey(),
                    task.getProcessInstanceId(), task.getAssignee(), task.getPriority(), task.getDueDate(),
                    task.getCreateTime()), cases.find(ProcessVariables.caseId(task)));
            case EVENTNAME_ASSIGNMENT, EVENTNAME_UPDATE -> rows.changed(task.getId(), task.getAssignee(),
                    task.getPriority(), task.getDueDate());
            case EVENTNAME_COMPLETE, EVENTNAME_DELETE -> rows.closed(task.getId());
            default -> {
            }
        }
    }
}
