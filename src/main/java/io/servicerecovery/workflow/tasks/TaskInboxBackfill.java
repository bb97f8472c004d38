package io.servicerecovery.workflow.tasks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.servicerecovery.cases.CaseRepository;
import io.servicerecovery.workflow.ProcessVariables;
import io.servicerecovery.workflow.engine.EngineStarted;

/**
 * At start-up, gives every open task that has no inbox row one: the tasks opened before the
 * inbox existed. Each row in its own transaction, so a second replica doing the same at the
 * same moment costs one failed insert, not a failed start.
 */
@ApplicationScoped
public class TaskInboxBackfill {

    private static final Logger LOG = Logger.getLogger(TaskInboxBackfill.class);

    void backfill(@Observes EngineStarted started, TaskService engineTasks, InboxRows rows, CaseRepository cases) {
        int added = 0;
        for (Task task : engineTasks.createTaskQuery().processDefinitionKey(ProcessVariables.PROCESS_KEY).list()) {
            try {
                added += QuarkusTransaction.requiringNew().call(() -> {
                    if (rows.has(task.getId())) {
                        return 0;
                    }
                    var c = cases.findByProcessInstanceId(task.getProcessInstanceId()).orElse(null);
                    if (c == null) {
                        return 0;
                    }
                    rows.opened(new InboxRows.EngineTask(task.getId(), task.getTaskDefinitionKey(),
                            task.getProcessInstanceId(), task.getAssignee(), task.getPriority(), task.getDueDate(),
                            task.getCreateTime()), c);
                    return 1;
                });
            } catch (RuntimeException e) {
                LOG.debugf(e, "Inbox row of task %s not added (another replica may have added it)", task.getId());
            }
        }
        if (added > 0) {
            LOG.infof("Task inbox: %d open tasks added", added);
        }
    }
}
