package io.servicerecovery.workflow.tasks;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.servicerecovery.cases.CaseRepository;
import io.servicerecovery.workflow.ProcessVariables;
import io.servicerecovery.workflow.engine.EngineStarted;

/**
 * Gives every open task that has no inbox row one: the tasks opened before the inbox (V5) existed.
 * Since then the engine's task listener writes the row in the task's own transaction, so this
 * is needed once per database, not at every start.
 * <p>
 * Why once matters: the backfill reads the engine's open tasks, then looks for each one's row in a
 * later transaction. A task that another replica completes in between (its row and its engine task
 * deleted together) would get a row back for a task that no longer exists (the fault-injection run
 * found such rows). So the backfill records that it ran (an engine property, kept in
 * {@code ACT_GE_PROPERTY}) and, for the one start that runs it, checks in the row's own
 * transaction that the engine still has the task.
 */
@ApplicationScoped
public class TaskInboxBackfill {

    /** The engine property that says this database's open tasks all have their inbox rows. */
    static final String DONE_PROPERTY = "service-recovery.task-inbox-backfilled-at";

    private static final Logger LOG = Logger.getLogger(TaskInboxBackfill.class);

    @Inject
    TaskService engineTasks;

    @Inject
    ManagementService management;

    @Inject
    InboxRows rows;

    @Inject
    CaseRepository cases;

    @Inject
    Clock clock;

    void onEngineStarted(@Observes EngineStarted started) {
        if (management.getProperties().containsKey(DONE_PROPERTY)) {
            return;
        }
        int added = backfill();
        try {
            management.setProperty(DONE_PROPERTY, Instant.now(clock).toString());
        } catch (RuntimeException e) {
            // Another replica starting at the same moment wrote it first: the work is done either way.
            LOG.debugf(e, "Task inbox backfill not recorded (another replica may have recorded it)");
        }
        LOG.infof("Task inbox backfill: %d open tasks without a row given one; not run again on this database", added);
    }

    /** Adds the missing rows; answers how many. */
    int backfill() {
        int added = 0;
        for (Task task : engineTasks.createTaskQuery().processDefinitionKey(ProcessVariables.PROCESS_KEY).list()) {
            try {
                added += addRowIfMissing(task) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.debugf(e, "Inbox row of task %s not added (another replica may have added it)", task.getId());
            }
        }
        return added;
    }

    /**
     * One task's row, in a transaction of its own, so a second replica doing the same at the same
     * moment costs one failed insert, not a failed start. The task was read before this transaction:
     * if it was completed since, the engine no longer has it and it gets no row.
     */
    boolean addRowIfMissing(Task task) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (rows.has(task.getId()) || engineTasks.createTaskQuery().taskId(task.getId()).count() == 0) {
                return false;
            }
            var c = cases.findByProcessInstanceId(task.getProcessInstanceId()).orElse(null);
            if (c == null) {
                return false;
            }
            rows.opened(new InboxRows.EngineTask(task.getId(), task.getTaskDefinitionKey(),
                    task.getProcessInstanceId(), task.getAssignee(), task.getPriority(), task.getDueDate(),
                    task.getCreateTime()), c);
            return true;
        });
    }
}
