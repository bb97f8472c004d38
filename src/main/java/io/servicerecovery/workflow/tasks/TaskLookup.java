package io.servicerecovery.workflow.tasks;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import io.servicerecovery.cases.CaseRepository;
import io.servicerecovery.cases.RecoveryCase;
import io.servicerecovery.common.ProblemException;
import io.servicerecovery.compensation.CompensationService;
import io.servicerecovery.security.CurrentUser;
import io.servicerecovery.workflow.ProcessVariables;
import io.servicerecovery.workflow.RecoveryStep;

/**
 * Finds one task as a caller may see it: theirs, or one their groups are candidates for,
 * never the approval of their own proposal. Anything else is 404, so nobody learns that
 * a task they may not see exists.
 */
@ApplicationScoped
public class TaskLookup {

    private final TaskService engineTasks;
    private final CaseRepository cases;
    private final CompensationService compensation;
    private final TaskCandidates candidates;

    public TaskLookup(TaskService engineTasks, CaseRepository cases, CompensationService compensation,
            TaskCandidates candidates) {
        this.engineTasks = engineTasks;
        this.cases = cases;
        this.compensation = compensation;
        this.candidates = candidates;
    }

    /** A task the caller may see, with its case. */
    public OpenTask visible(String taskId, CurrentUser user) {
        Task task = engineTasks.createTaskQuery().taskId(taskId).processDefinitionKey(ProcessVariables.PROCESS_KEY)
                .singleResult();
        if (task == null) {
            throw ProblemException.notFound("Task " + taskId);
        }
        OpenTask open = OpenTask.of(task, caseOf(task));
        if (isOwnApproval(open.step(), open.caseId(), user)) {
            throw ProblemException.notFound("Task " + taskId);
        }
        if (user.id().equals(task.getAssignee())) {
            return open;
        }
        List<String> groups = candidates.groupsOf(user);
        boolean candidate = !groups.isEmpty() && engineTasks.createTaskQuery().taskId(taskId)
                .taskCandidateGroupIn(groups).includeAssignedTasks().count() > 0;
        if (!candidate) {
            throw ProblemException.notFound("Task " + taskId);
        }
        return open;
    }

    /** The task as it is now (after a claim, say). */
    public OpenTask reread(OpenTask task) {
        return OpenTask.of(engineTasks.createTaskQuery().taskId(task.id()).singleResult(), task.recoveryCase());
    }

    /** Separation of duties: the approval of your own proposal is not yours to see or take. */
    public boolean isOwnApproval(RecoveryStep step, UUID caseId, CurrentUser user) {
        return step == RecoveryStep.APPROVAL && compensation.isProposerOfPending(caseId, user.id());
    }

    private RecoveryCase caseOf(Task task) {
        return cases.findByProcessInstanceId(task.getProcessInstanceId())
                .orElseThrow(() -> new IllegalStateException("No case for process " + task.getProcessInstanceId()));
    }
}
