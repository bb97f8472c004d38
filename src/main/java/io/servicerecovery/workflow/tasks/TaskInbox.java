package io.servicerecovery.workflow.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;

import io.servicerecovery.cases.CaseRepository;
import io.servicerecovery.cases.CaseViews;
import io.servicerecovery.cases.RecoveryCase;
import io.servicerecovery.common.Page;
import io.servicerecovery.common.PageRequest;
import io.servicerecovery.compensation.CompensationQueries;
import io.servicerecovery.compensation.CompensationRecommendations;
import io.servicerecovery.empowerment.EmpowermentService;
import io.servicerecovery.security.CurrentUser;
import io.servicerecovery.workflow.ProcessVariables;
import io.servicerecovery.workflow.RecoveryStep;

/** What a caller sees of the tasks: their inbox, and one task with everything needed to do it. */
@ApplicationScoped
public class TaskInbox {

    public enum AssigneeFilter {
        ME,
        UNASSIGNED
    }

    private final TaskService engineTasks;
    private final TaskLookup lookup;
    private final TaskCandidates candidates;
    private final CaseRepository cases;
    private final CaseViews views;
    private final CompensationQueries compensation;
    private final CompensationRecommendations recommendations;
    private final EmpowermentService empowerment;

    public TaskInbox(TaskService engineTasks, TaskLookup lookup, TaskCandidates candidates, CaseRepository cases,
            CaseViews views, CompensationQueries compensation, CompensationRecommendations recommendations,
            EmpowermentService empowerment) {
        this.engineTasks = engineTasks;
        this.lookup = lookup;
        this.candidates = candidates;
        this.cases = cases;
        this.views = views;
        this.compensation = compensation;
        this.recommendations = recommendations;
        this.empowerment = empowerment;
    }

    @Transactional
    public Page<TaskSummary> list(CurrentUser user, AssigneeFilter assignee, RecoveryStep type, UUID caseId,
            PageRequest page) {
        int offset = offsetOf(page);
        TaskQuery query = engineTasks.createTaskQuery().processDefinitionKey(ProcessVariables.PROCESS_KEY);
        List<String> groups = candidates.groupsOf(user);
        if (assignee == AssigneeFilter.ME) {
            query.taskAssignee(user.id());
        } else if (assignee == AssigneeFilter.UNASSIGNED) {
            if (groups.isEmpty()) {
                return new Page<>(List.of(), null);
            }
            query.taskUnassigned().taskCandidateGroupIn(groups);
        } else if (groups.isEmpty()) {
            query.taskAssignee(user.id());
        } else {
            query.or().taskAssignee(user.id()).taskCandidateGroupIn(groups).endOr();
        }
        if (type != null) {
            query.taskDefinitionKey(type.activityId());
        }
        if (caseId != null) {
            query.processInstanceBusinessKey(caseId.toString());
        }
        List<Task> found = query.orderByTaskPriority().desc().orderByDueDate().asc().orderByTaskId().asc()
                .listPage(offset, page.limit() + 1);
        boolean more = found.size() > page.limit();
        List<Task> pageOfTasks = more ? found.subList(0, page.limit()) : found;
        Map<String, RecoveryCase> casesByProcess = cases.findByProcessInstanceIds(pageOfTasks.stream()
                .map(Task::getProcessInstanceId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(c -> c.processInstanceId, Function.identity()));
        List<TaskSummary> items = new ArrayList<>();
        for (Task task : pageOfTasks) {
            RecoveryCase c = casesByProcess.get(task.getProcessInstanceId());
            if (c != null) {
                OpenTask open = OpenTask.of(task, c);
                if (!lookup.isOwnApproval(open.step(), c.id, user)) {
                    items.add(open.summary());
                }
            }
        }
        return new Page<>(items, more ? PageRequest.encode("offset:" + (offset + page.limit())) : null);
    }

    /** A task with its whole case; a proposal or an approval also with the recommendation and the caller's limits. */
    @Transactional
    public TaskDetail get(String taskId, CurrentUser user) {
        OpenTask task = lookup.visible(taskId, user);
        RecoveryCase c = task.recoveryCase();
        if (task.step() == RecoveryStep.COMPENSATION || task.step() == RecoveryStep.APPROVAL) {
            return new TaskDetail(task.summary(), views.full(c), recommendations.forCase(c.id).orElse(null),
                    new TaskDetail.Empowerment(empowerment.levelOf(user.id()), empowerment.effectiveLimits(user.id())),
                    compensation.viewFor(c.id).orElse(null));
        }
        return new TaskDetail(task.summary(), views.full(c), null, null, null);
    }

    private static int offsetOf(PageRequest page) {
        if (page.position() == null) {
            return 0;
        }
        try {
            if (!page.position().startsWith("offset:")) {
                throw PageRequest.badCursor();
            }
            return Integer.parseInt(page.position().substring("offset:".length()));
        } catch (NumberFormatException e) {
            throw PageRequest.badCursor();
        }
    }
}
