package io.servicerecovery.workflow.tasks;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;

import io.servicerecovery.cases.CaseViews;
import io.servicerecovery.cases.RecoveryCase;
import io.servicerecovery.common.KeysetPosition;
import io.servicerecovery.common.Page;
import io.servicerecovery.common.PageRequest;
import io.servicerecovery.compensation.CompensationQueries;
import io.servicerecovery.compensation.CompensationRecommendations;
import io.servicerecovery.empowerment.EmpowermentService;
import io.servicerecovery.security.CurrentUser;
import io.servicerecovery.workflow.RecoveryStep;

/**
 * What a caller sees of the tasks: their inbox, read from the service's own table (never the
 * engine's task query), and one task with everything needed to do it.
 */
@ApplicationScoped
public class TaskInbox {

    public enum AssigneeFilter {
        ME,
        UNASSIGNED
    }

    private final InboxTaskRepository inbox;
    private final TaskLookup lookup;
    private final TaskCandidates candidates;
    private final CaseViews views;
    private final CompensationQueries compensation;
    private final CompensationRecommendations recommendations;
    private final EmpowermentService empowerment;

    public TaskInbox(InboxTaskRepository inbox, TaskLookup lookup, TaskCandidates candidates, CaseViews views,
            CompensationQueries compensation, CompensationRecommendations recommendations,
            EmpowermentService empowerment) {
        this.inbox = inbox;
        this.lookup = lookup;
        this.candidates = candidates;
        this.views = views;
        this.compensation = compensation;
        this.recommendations = recommendations;
        this.empowerment = empowerment;
    }

    /**
     * The caller's tasks and the free ones they may take, in inbox order (highest priority,
     * then soonest due), as one SQL query over the inbox table.
     */
    @Transactional
    public Page<TaskSummary> list(CurrentUser user, AssigneeFilter assignee, RecoveryStep type, UUID caseId,
            PageRequest page) {
        return page(query(user, assignee, type, caseId, null, page), page.limit());
    }

    /**
     * The inbox's lines, with the case's facts the console shows; {@code search} matches part of the case's
     * reference, the customer's id or name, whatever the case and accents ("asa" finds "Åsa").
     */
    @Transactional
    public Page<InboxLine> lines(CurrentUser user, AssigneeFilter assignee, RecoveryStep type, String search,
            PageRequest page) {
        return page(query(user, assignee, type, null, search, page), page.limit(), InboxTask::line);
    }

    /**
     * The query of a list, with what the caller may take resolved now: a waiting list reads it
     * again later, outside the caller's request.
     */
    @Transactional
    public InboxTaskRepository.Query query(CurrentUser user, AssigneeFilter assignee, RecoveryStep type, UUID caseId,
            String search, PageRequest page) {
        KeysetPosition after = page.position() == null ? null : KeysetPosition.parseRanked(page.position());
        return new InboxTaskRepository.Query(user.id(), assignee, candidates.of(user), type, caseId, search, after);
    }

    /** One page of {@code query}; also called from a worker thread with no request of its own (a wait). */
    @Transactional
    @ActivateRequestContext
    public Page<TaskSummary> page(InboxTaskRepository.Query query, int limit) {
        return page(query, limit, InboxTask::summary);
    }

    private <T> Page<T> page(InboxTaskRepository.Query query, int limit, java.util.function.Function<InboxTask, T> as) {
        List<InboxTask> found = inbox.page(query, limit + 1);
        boolean more = found.size() > limit;
        List<InboxTask> rows = more ? found.subList(0, limit) : found;
        String next = null;
        if (more) {
            InboxTask last = rows.get(rows.size() - 1);
            next = new KeysetPosition(last.priority, last.dueAt, UUID.fromString(last.taskId)).cursor();
        }
        return new Page<>(rows.stream().map(as).toList(), next);
    }

    /** The approvals the caller may decide, oldest first; at most {@code max}; {@code customer} filters by name. */
    @Transactional
    public List<TaskSummary> approvals(CurrentUser user, String customer, int max) {
        return inbox.approvalsOldestFirst(user.id(), candidates.of(user).approvalLevels(), customer, max).stream()
                .map(InboxTask::summary).toList();
    }

    /** Who holds the open task of a case, if anyone holds it (the console's "Ben is working on this step"). */
    @Transactional
    public java.util.Optional<String> holderOfOpenTask(UUID caseId) {
        return inbox.find("caseId = ?1 and assignee is not null", caseId).firstResultOptional().map(t -> t.assignee);
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
}
