package io.servicerecovery.workflow.tasks;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.camunda.bpm.engine.TaskService;

import io.servicerecovery.common.DomainException;
import io.servicerecovery.security.CurrentUser;
import io.servicerecovery.timeline.Timeline;
import io.servicerecovery.timeline.TimelineKind;

/** Taking a task and letting it go. Someone else's task is a 409; taking your own again changes nothing. */
@ApplicationScoped
public class TaskClaims {

    private final TaskLookup lookup;
    private final TaskService engineTasks;
    private final StaleInboxRows staleRows;
    private final Timeline timeline;

    public TaskClaims(TaskLookup lookup, TaskService engineTasks, Timeline timeline, StaleInboxRows staleRows) {
        this.staleRows = staleRows;
        this.lookup = lookup;
        this.engineTasks = engineTasks;
        this.timeline = timeline;
    }

    @Transactional
    public TaskSummary claim(String taskId, CurrentUser user) {
        OpenTask task = lookup.visible(taskId, user);
        if (user.id().equals(task.assignee())) {
            return task.summary();
        }
        if (task.assignee() != null) {
            throw DomainException.conflict("Someone else holds this task.");
        }
        return take(task, user).summary();
    }

    /** Takes a task nobody holds, already looked up in the caller's transaction. */
    OpenTask take(OpenTask task, CurrentUser user) {
        staleRows.onTask(task.id(), () -> engineTasks.claim(task.id(), user.id()));
        timeline.record(task.caseId(), TimelineKind.TASK_CLAIMED, user.id(), "Took the " + task.step() + " task",
                Map.of("taskId", task.id(), "step", task.step().name()));
        return lookup.reread(task);
    }

    @Transactional
    public TaskSummary unclaim(String taskId, CurrentUser user) {
        OpenTask task = lookup.visible(taskId, user);
        if (task.assignee() != null && !user.id().equals(task.assignee())) {
            throw DomainException.conflict("Someone else holds this task.");
        }
        if (task.assignee() != null) {
            staleRows.onTask(taskId, () -> engineTasks.setAssignee(taskId, null));
            timeline.record(task.caseId(), TimelineKind.TASK_RELEASED, user.id(),
                    "Released the " + task.step() + " task", Map.of("taskId", taskId, "step", task.step().name()));
        }
        return lookup.reread(task).summary();
    }
}
