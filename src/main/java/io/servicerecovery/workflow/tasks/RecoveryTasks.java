package io.servicerecovery.workflow.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.servicerecovery.apology.ApologyReview;
import io.servicerecovery.cases.CaseRepository;
import io.servicerecovery.cases.CaseProgress;
import io.servicerecovery.cases.CaseViews;
import io.servicerecovery.cases.RecoveryCase;
import io.servicerecovery.timeline.Timeline;
import io.servicerecovery.timeline.TimelineKind;
import io.servicerecovery.common.AfterCommit;
import io.servicerecovery.common.CaseLogContext;
import io.servicerecovery.common.Json;
import io.servicerecovery.common.JsonProblems;
import io.servicerecovery.common.Page;
import io.servicerecovery.common.PageRequest;
import io.servicerecovery.common.ProblemException;
import io.servicerecovery.compensation.ApprovalRequest;
import io.servicerecovery.compensation.CompensationQueries;
import io.servicerecovery.compensation.CompensationRecommendations;
import io.servicerecovery.compensation.CompensationService;
import io.servicerecovery.compensation.ProposalDecision;
import io.servicerecovery.compensation.ProposalRequest;
import io.servicerecovery.empowerment.EmpowermentService;
import io.servicerecovery.workflow.ProcessVariables;
import io.servicerecovery.workflow.RecoveryStep;
import io.servicerecovery.security.CurrentUser;

/**
 * The agent's work list over the engine's tasks. Only the holder of a task completes it,
 * and every completion changes the case and moves the process in one transaction.
 */
@ApplicationScoped
public class RecoveryTasks {

    public enum AssigneeFilter {
        ME,
        UNASSIGNED
    }

    private final TaskService engineTasks;
    private final CaseRepository cases;
    private final CaseProgress progress;
    private final CaseViews views;
    private final Timeline timeline;
    private final CompensationService compensation;
    private final CompensationQueries compensationQueries;
    private final CompensationRecommendations recommendations;
    private final EmpowermentService empowerment;
    private final Json json;
    private final Validator validator;
    private final ApologyReview apologyReview;
    private final AfterCommit afterCommit;
    private final MeterRegistry metrics;
    private final TaskCandidates candidates;

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(RecoveryTasks.class);

    public RecoveryTasks(TaskService engineTasks, CaseRepository cases, CaseProgress progress, CaseViews views,
            Timeline timeline, CompensationService compensation, CompensationQueries compensationQueries,
            CompensationRecommendations recommendations, EmpowermentService empowerment, Json json,
            Validator validator, ApologyReview apologyReview, AfterCommit afterCommit, MeterRegistry metrics,
            TaskCandidates candidates) {
        this.engineTasks = engineTasks;
        this.cases = cases;
        this.progress = progress;
        this.views = views;
        this.timeline = timeline;
        this.compensation = compensation;
        this.compensationQueries = compensationQueries;
        this.recommendations = recommendations;
        this.empowerment = empowerment;
        this.json = json;
        this.validator = validator;
        this.apologyReview = apologyReview;
        this.afterCommit = afterCommit;
        this.metrics = metrics;
        this.candidates = candidates;
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
            if (c != null && !isOwnApproval(task, c.id, user)) {
                items.add(summary(task, c));
            }
        }
        return new Page<>(items, more ? PageRequest.encode("offset:" + (offset + page.limit())) : null);
    }

    @Transactional
    public TaskDetail get(String taskId, CurrentUser user) {
        Task task = visibleTask(taskId, user);
        RecoveryStep step = stepOf(task);
        RecoveryCase c = caseOf(task);
        TaskDetail detail = new TaskDetail(summary(task, c), views.full(c), null, null, null);
        if (step == RecoveryStep.COMPENSATION || step == RecoveryStep.APPROVAL) {
            detail = new TaskDetail(detail.task(), detail.caseContext(), recommendations.forCase(c.id).orElse(null),
                    new TaskDetail.Empowerment(empowerment.levelOf(user.id()), empowerment.effectiveLimits(user.id())),
                    compensationQueries.viewFor(c.id).orElse(null));
        }
        return detail;
    }

    @Transactional
    public TaskSummary claim(String taskId, CurrentUser user) {
        Task task = visibleTask(taskId, user);
        if (user.id().equals(task.getAssignee())) {
            return summary(task, caseOf(task));
        }
        if (task.getAssignee() != null) {
            throw ProblemException.conflict("Someone else holds this task.");
        }
        engineTasks.claim(taskId, user.id());
        timeline.record(caseIdOf(task), TimelineKind.TASK_CLAIMED, user.id(), "Took the " + stepOf(task) + " task",
                Map.of("taskId", taskId));
        return summary(engineTasks.createTaskQuery().taskId(taskId).singleResult(), caseOf(task));
    }

    @Transactional
    public TaskSummary unclaim(String taskId, CurrentUser user) {
        Task task = visibleTask(taskId, user);
        if (task.getAssignee() != null && !user.id().equals(task.getAssignee())) {
            throw ProblemException.conflict("Someone else holds this task.");
        }
        if (task.getAssignee() != null) {
            engineTasks.setAssignee(taskId, null);
            timeline.record(caseIdOf(task), TimelineKind.TASK_RELEASED, user.id(),
                    "Released the " + stepOf(task) + " task", Map.of("taskId", taskId));
        }
        return summary(engineTasks.createTaskQuery().taskId(taskId).singleResult(), caseOf(task));
    }

    /** Completes a task with the body its type expects. */
    @Transactional
    public CompletionResult complete(String taskId, CurrentUser user, JsonNode body) {
        Task task = visibleTask(taskId, user);
        if (!user.id().equals(task.getAssignee())) {
            throw ProblemException.forbidden(task.getAssignee() == null
                    ? "Claim this task before you complete it."
                    : "Only the agent who holds this task completes it.");
        }
        RecoveryStep step = stepOf(task);
        UUID caseId = caseIdOf(task);
        try (CaseLogContext log = CaseLogContext.open(caseId, task.getProcessInstanceId())) {
            CompletionResult result = completeStep(task, step, caseId, user, body);
            Instant opened = task.getCreateTime().toInstant();
            afterCommit.run(() -> Timer.builder("recovery.step.duration")
                    .description("How long a human step was open, from task creation to completion")
                    .tag("step", step.name()).register(metrics).record(Duration.between(opened, Instant.now())));
            LOG.infof("%s completed by %s", step, user.id());
            return result;
        }
    }

    private CompletionResult completeStep(Task task, RecoveryStep step, UUID caseId, CurrentUser user, JsonNode body) {
        String taskId = task.getId();
        // Serializes completion with a concurrent cancel of the same case.
        cases.lock(caseId);
        Map<String, Object> variables = new HashMap<>();
        ProposalDecision decision = null;
        switch (step) {
            case ACCOUNTABILITY -> {
                AccountabilityCompletion done = read(body, AccountabilityCompletion.class);
                apologyReview.requirePassingStatement(caseId, done.statement());
                progress.accountabilityTaken(caseId, user.id(), done.statement().strip(), done.rootCause());
                variables.put(ProcessVariables.ACCOUNTABLE_AGENT, user.id());
            }
            case APOLOGY -> {
                ApologyCompletion done = read(body, ApologyCompletion.class);
                apologyReview.requirePassingApology(caseId, done.message());
                progress.apologyGiven(caseId, user.id(), done.message().strip(), done.deliveredVia().name());
            }
            case COMPENSATION -> {
                ProposalRequest proposal = read(body, ProposalRequest.class);
                decision = compensation.propose(caseId, user.id(), proposal, caseOf(task).orderCurrency);
                variables.put(ProcessVariables.WITHIN_EMPOWERMENT, decision.withinEmpowerment());
                variables.put(ProcessVariables.APPROVER_GROUPS, String.join(",", decision.approverGroups()));
                variables.put(ProcessVariables.APPROVAL_TIMEOUT,
                        decision.escalateAfter() == null ? null : decision.escalateAfter().toString());
            }
            case APPROVAL -> {
                if (!user.isManager()) {
                    throw ProblemException.forbidden("Approvals need the manager role.");
                }
                ApprovalRequest approval = read(body, ApprovalRequest.class);
                decision = compensation.decide(caseId, user.id(), approval);
                variables.put(ProcessVariables.APPROVED, decision.approved());
            }
        }
        engineTasks.complete(taskId, variables);
        RecoveryCase after = cases.findById(caseId);
        return new CompletionResult(taskId, step, caseId, after.status,
                decision == null ? null : decision.decision(),
                decision == null ? null : decision.approverLevel(),
                decision == null ? null : decision.grant(),
                decision == null ? null : decision.compensation());
    }

    private <T> T read(JsonNode body, Class<T> type) {
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid("", "the body must be a JSON object");
        }
        T value;
        try {
            value = json.mapper().treeToValue(body, type);
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }

    /** A task the caller may see: theirs, or one their groups are candidates for. Others are 404. */
    private Task visibleTask(String taskId, CurrentUser user) {
        Task task = engineTasks.createTaskQuery().taskId(taskId).processDefinitionKey(ProcessVariables.PROCESS_KEY)
                .singleResult();
        if (task == null || isOwnApproval(task, user)) {
            throw ProblemException.notFound("Task " + taskId);
        }
        if (user.id().equals(task.getAssignee())) {
            return task;
        }
        List<String> groups = candidates.groupsOf(user);
        boolean candidate = !groups.isEmpty() && engineTasks.createTaskQuery().taskId(taskId)
                .taskCandidateGroupIn(groups).includeAssignedTasks().count() > 0;
        if (!candidate) {
            throw ProblemException.notFound("Task " + taskId);
        }
        return task;
    }

    /** Separation of duties: the approval of your own proposal is not yours to see or take. */
    private boolean isOwnApproval(Task task, CurrentUser user) {
        return RecoveryStep.APPROVAL.activityId().equals(task.getTaskDefinitionKey())
                && isOwnApproval(task, caseIdOf(task), user);
    }

    private boolean isOwnApproval(Task task, UUID caseId, CurrentUser user) {
        return RecoveryStep.APPROVAL.activityId().equals(task.getTaskDefinitionKey())
                && compensation.isProposerOfPending(caseId, user.id());
    }

    private static RecoveryStep stepOf(Task task) {
        return RecoveryStep.ofActivity(task.getTaskDefinitionKey())
                .orElseThrow(() -> new IllegalStateException("Unknown task " + task.getTaskDefinitionKey()));
    }

    private UUID caseIdOf(Task task) {
        return caseOf(task).id;
    }

    private RecoveryCase caseOf(Task task) {
        return cases.findByProcessInstanceId(task.getProcessInstanceId())
                .orElseThrow(() -> new IllegalStateException("No case for process " + task.getProcessInstanceId()));
    }

    private static TaskSummary summary(Task task, RecoveryCase c) {
        return new TaskSummary(task.getId(), stepOf(task), c.id, c.customerName, c.severity, task.getPriority(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), task.getAssignee(),
                task.getCreateTime() == null ? null : task.getCreateTime().toInstant());
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
